package com.couponplatform.migrationtool;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of coupon-migration (STYLE.md).
 */
@AnalyzeClasses(packages = "com.couponplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class MigrationArchitectureTest {

	@ArchTest
	static final ArchRule independentOfTheServices = noClasses().that()
		.resideInAPackage("com.couponplatform.migrationtool..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.couponplatform.api..", "com.couponplatform.admin..")
		.because("the migration runs beside the services and depends on core only");

	@ArchTest
	static final ArchRule noWebCode = noClasses().that()
		.resideInAPackage("com.couponplatform.migrationtool..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
		.because("the batch work of the migration has no HTTP surface; the console lives in coupon-admin");

}
