-- A conversation's messages are always read with its owner (`conversation_id = $1 AND
-- user_id = $2`): an index on both lets SQLite's planner pick it without statistics (it chose
-- (user_id, created_at) and read every message of the user). Replies are read by the question
-- they answer (`parent_id`), also while a reply is being followed live.
DROP INDEX idx_chat_messages_conversation_created;
CREATE INDEX idx_chat_messages_conversation ON chat_messages (conversation_id, user_id, created_at);
CREATE INDEX idx_chat_messages_parent ON chat_messages (parent_id, user_id);
