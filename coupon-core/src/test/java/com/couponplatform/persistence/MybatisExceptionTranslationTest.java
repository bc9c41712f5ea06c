package com.couponplatform.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mappers' translator works from MySQL's error codes alone: it has no data source to
 * ask, so a failure is translated without a connection.
 */
class MybatisExceptionTranslationTest {

	@Test
	void aDuplicateKeyIsTranslatedByMySqlsErrorCode() {
		DataAccessException translated = translate(
				new SQLIntegrityConstraintViolationException("Duplicate entry '7-1' for key 'uk_slot'", "23000", 1062));
		assertThat(translated).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void aRefusedConnectionStaysATransientResourceFailure() {
		DataAccessException translated = translate(new SQLTransientConnectionException("ds_1 is unavailable", "08001"));
		assertThat(translated).isInstanceOf(TransientDataAccessResourceException.class);
	}

	private static DataAccessException translate(SQLException cause) {
		return MybatisConfiguration.exceptionTranslator()
			.translateExceptionIfPossible(new PersistenceException("mapper failed", cause));
	}

}
