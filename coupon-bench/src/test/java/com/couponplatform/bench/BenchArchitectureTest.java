package com.couponplatform.bench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of coupon-bench (STYLE.md).
 */
@AnalyzeClasses(packages = "com.couponplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchArchitectureTest {

	@ArchTest
	static final ArchRule measuresFromOutside = noClasses().that()
		.resideInAPackage("com.couponplatform.bench..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.couponplatform.api..", "com.couponplatform.admin..",
				"com.couponplatform.migrationtool..")
		.because("benchmarks drive the services over HTTP or call core, never the services' internals");

}
