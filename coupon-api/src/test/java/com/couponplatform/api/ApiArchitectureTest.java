package com.couponplatform.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of coupon-api (STYLE.md).
 */
@AnalyzeClasses(packages = "com.couponplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

	@ArchTest
	static final ArchRule controllersCallUseCasesNeverMappers = noClasses().that()
		.resideInAPackage("com.couponplatform.api..")
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith("org.apache.ibatis.annotations.Mapper")
		.because("controllers call use cases, which own the transaction boundaries and the rules");

	@ArchTest
	static final ArchRule independentOfTheOtherServices = noClasses().that()
		.resideInAPackage("com.couponplatform.api..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.couponplatform.admin..", "com.couponplatform.migrationtool..")
		.because("api, admin and migration depend on core only, so each can ship alone");

	@ArchTest
	static final ArchRule resourcePackagesAreFreeOfCycles = slices().matching("com.couponplatform.api.(*)..")
		.should()
		.beFreeOfCycles()
		.because("a resource package should be understood without its neighbours");

}
