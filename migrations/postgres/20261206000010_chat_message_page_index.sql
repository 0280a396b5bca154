-- A page of a conversation is its newest messages by (created_at, id): with id in the index the
-- database walks the index backwards and stops at the page, instead of sorting the messages
-- that share a created_at in a temporary b-tree on every view.
DROP INDEX idx_chat_messages_conversation;
CREATE INDEX idx_chat_messages_page ON chat_messages (conversation_id, user_id, created_at, id);
