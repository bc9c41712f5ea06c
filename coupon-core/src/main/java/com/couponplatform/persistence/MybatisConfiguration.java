package com.couponplatform.persistence;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.autoconfigure.ConfigurationCustomizer;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Bean
	ConfigurationCustomizer utcInstants() {
		return (configuration) -> configuration.getTypeHandlerRegistry()
			.register(Instant.class, new UtcInstantTypeHandler());
	}

}
