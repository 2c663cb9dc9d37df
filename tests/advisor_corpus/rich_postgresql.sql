CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA core;
CREATE TYPE core.mood AS ENUM ('happy', 'sad', 'it''s ok');
CREATE TABLE core.users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email citext NOT NULL UNIQUE,
  name character varying(80) NOT NULL DEFAULT 'anon',
  mood core.mood DEFAULT 'happy',
  score numeric(12,2) DEFAULT -1 CHECK (score >= -1),
  tags text[][],
  data jsonb DEFAULT '{}'::jsonb,
  created timestamp(3) with time zone NOT NULL DEFAULT now(),
  ip inet,
  doubled integer GENERATED ALWAYS AS (length(name) * 2) STORED
);
CREATE TABLE public.posts (
  id serial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES core.users(id) ON DELETE CASCADE,
  title text NOT NULL,
  published boolean DEFAULT false,
  ratio double precision,
  CONSTRAINT title_not_blank CHECK (title <> '')
);
CREATE TABLE profile (user_id bigint PRIMARY KEY, bio text);
ALTER TABLE ONLY profile ADD CONSTRAINT profile_user_fk FOREIGN KEY (user_id) REFERENCES core.users(id);
CREATE INDEX posts_author_recent ON public.posts USING btree (author_id, id DESC) INCLUDE (title) WHERE published;
CREATE UNIQUE INDEX users_lower_email ON core.users (lower(email::text));
CREATE INDEX posts_title_trgm ON posts USING gin (to_tsvector('english', title));
COMMENT ON TABLE core.users IS 'people';
COMMENT ON COLUMN core.users.email IS 'login';
CREATE TABLE measurements (id bigint NOT NULL, logdate date NOT NULL, PRIMARY KEY (id, logdate)) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW recent AS SELECT * FROM posts;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ select 1 $$;
GRANT SELECT ON posts TO public;
