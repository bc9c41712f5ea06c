package com.couponplatform.persistence;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.autoconfigure.ConfigurationCustomizer;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.MyBatisExceptionTranslator;
import org.mybatis.spring.SqlSessionTemplate;
import org.mybatis.spring.annotation.MapperScan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * MyBatis-Plus over the ShardingSphere data source: every {@link Mapper} under the base
 * package.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "com.couponplatform", annotationClass = Mapper.class)
public class MybatisConfiguration {

	@Bean
	MybatisPlusInterceptor mybatisPlusInterceptor() {
		MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
		// Set explicitly: behind ShardingSphere the dialect cannot be detected from the
		// URL.
		interceptor.addInnerInterceptor(new PaginationInnerInterceptor(DbType.MYSQL));
		return interceptor;
	}

	/**
	 * MyBatis's own translator reads the error codes' database name from the data
	 * source's metadata on the first failure, and again on every failure until that
	 * works: behind ShardingSphere that takes a connection of a random database, so
	 * during an outage the failure that should answer 503 at once waits on the database
	 * that does not answer. The platform's databases are MySQL or MariaDB, whose codes
	 * Spring files under "MySQL".
	 */
	@Bean
	SqlSessionTemplate sqlSessionTemplate(SqlSessionFactory factory) {
		return new SqlSessionTemplate(factory, factory.getConfiguration().getDefaultExecutorType(),
				exceptionTranslator());
	}

	static MyBatisExceptionTranslator exceptionTranslator() {
		return new MyBatisExceptionTranslator(() -> new SQLErrorCodeSQLExceptionTranslator("MySQL"), true);
	}

	@Bean
	ConfigurationCustomizer utcInstants() {
		return (configuration) -> configuration.getTypeHandlerRegistry()
			.register(Instant.class, new UtcInstantTypeHandler());
	}

}
