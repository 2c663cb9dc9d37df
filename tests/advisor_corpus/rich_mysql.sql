CREATE TABLE users (
  id bigint unsigned NOT NULL AUTO_INCREMENT,
  email varchar(190) NOT NULL,
  name varchar(80) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'anon',
  mood enum('happy','sad','it''s ok') DEFAULT 'happy',
  score decimal(12,2) DEFAULT -1 CHECK (score >= -1),
  data json DEFAULT NULL,
  created datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  flag tinyint(1) NOT NULL DEFAULT 0,
  doubled int GENERATED ALWAYS AS (char_length(name) * 2) STORED,
  PRIMARY KEY (id),
  UNIQUE KEY users_email (email),
  KEY users_name_created (name, created DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='people';
CREATE TABLE posts (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  author_id bigint unsigned NOT NULL COMMENT 'who wrote it',
  title text NOT NULL,
  body longtext,
  CONSTRAINT title_not_blank CHECK (title <> ''),
  CONSTRAINT posts_author FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
  FULLTEXT KEY posts_title (title)
);
CREATE TABLE profile (user_id bigint unsigned NOT NULL, bio text, PRIMARY KEY (user_id));
ALTER TABLE profile ADD CONSTRAINT profile_user FOREIGN KEY (user_id) REFERENCES users (id);
CREATE INDEX posts_author_idx ON posts (author_id);
CREATE VIEW recent AS SELECT * FROM posts;
