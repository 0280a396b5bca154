-- A reply's token counts are Spotter's estimate when the provider sent no usage.
ALTER TABLE chat_messages ADD COLUMN tokens_estimated BOOLEAN NOT NULL DEFAULT FALSE;
