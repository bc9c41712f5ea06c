package com.couponplatform.admin;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of coupon-admin (STYLE.md).
 */
@AnalyzeClasses(packages = "com.couponplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class AdminArchitectureTest {

	@ArchTest
	static final ArchRule controllersCallUseCasesNeverMappers = noClasses().that()
		.resideInAPackage("com.couponplatform.admin..")
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith("org.apache.ibatis.annotations.Mapper")
		.because("controllers call use cases, which own the transaction boundaries and the rules");

	@ArchTest
	static final ArchRule independentOfTheOtherServices = noClasses().that()
		.resideInAPackage("com.couponplatform.admin..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.couponplatform.api..", "com.couponplatform.migrationtool..")
		.because("api, admin and migration depend on core only, so each can ship alone");

	@ArchTest
	static final ArchRule resourcePackagesAreFreeOfCycles = slices().matching("com.couponplatform.admin.(*)..")
		.should()
		.beFreeOfCycles()
		.because("a resource package should be understood without its neighbours");

}
