-- Every change of a template: who, when, what, and the template before and after (JSON documents).
CREATE TABLE IF NOT EXISTS template_audit (
  id BIGINT NOT NULL PRIMARY KEY,
  template_id BIGINT NOT NULL,
  actor VARCHAR(64) NOT NULL,
  action VARCHAR(16) NOT NULL,
  before_json TEXT NULL,
  after_json TEXT NOT NULL,
  changed_at DATETIME(3) NOT NULL,
  KEY idx_template_audit_template_id_id (template_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
