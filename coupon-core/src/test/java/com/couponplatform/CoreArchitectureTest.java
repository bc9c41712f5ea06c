package com.couponplatform;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of coupon-core (STYLE.md).
 */
@AnalyzeClasses(packages = "com.couponplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

	@ArchTest
	static final ArchRule noWebCode = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.security..")
		.because("coupon-core is used by the HTTP services and by batch tools alike; HTTP stays in api and admin");

	@ArchTest
	static final ArchRule platformKnowsNoCouponRules = noClasses().that()
		.resideInAnyPackage("..sharding..", "..identifier..", "..redis..", "..messaging..", "..cache..", "..lock..",
				"..persistence..", "..time..", "..shared..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..template..", "..claim..", "..wallet..", "..statistic..", "..issuance..",
				"..redemption..", "..checkout..")
		.because("platform packages know nothing of coupon rules, so capabilities can change freely");

	@ArchTest
	static final ArchRule noCycles = slices().matching("com.couponplatform.(*)..")
		.should()
		.beFreeOfCycles()
		.because("a cycle between capabilities means neither can be understood alone");

	@ArchTest
	static final ArchRule mappersStayInPersistenceRoles = classes().that()
		.areAnnotatedWith("org.apache.ibatis.annotations.Mapper")
		.should()
		.beInterfaces()
		.because("mappers are MyBatis interfaces; logic belongs in use cases");

	@ArchTest
	static final ArchRule noVagueNames = noClasses().should()
		.haveSimpleNameEndingWith("Impl")
		.orShould()
		.haveSimpleNameEndingWith("Manager")
		.orShould()
		.haveSimpleNameEndingWith("Helper")
		.orShould()
		.haveSimpleNameEndingWith("Util")
		.because("a class is named for what it does (STYLE.md)");

}
