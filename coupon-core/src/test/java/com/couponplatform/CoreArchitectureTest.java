package com.couponplatform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Update;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
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

	/** A statement that inserts, changes or deletes coupon rows. */
	static final Pattern WRITES_COUPONS = Pattern
		.compile("(INSERT(\\s+IGNORE)?\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+user_coupon\\b");

	/** A statement that moves the guarded counter. */
	static final Pattern MOVES_STOCK = Pattern.compile("UPDATE\\s+coupon_template\\s+SET\\b.*\\bissued\\b",
			Pattern.DOTALL);

	@ArchTest
	static final ArchRule onlyTheGatewayWritesCoupons = noMethods().that()
		.areDeclaredInClassesThat()
		.resideOutsideOfPackage("..gateway..")
		.should(runMyBatisStatementsMatching(WRITES_COUPONS))
		.because("every change of a user's coupons passes the gateway, the one point a migration can switch "
				+ "(MIGRATION.md decision 3); CouponWritesStayInTheGatewayTest checks the SQL written in code");

	@ArchTest
	static final ArchRule onlyTheStockOwnerMovesStock = noMethods().that()
		.areDeclaredInClassesThat()
		.resideOutsideOfPackage("..gateway..")
		.should(runMyBatisStatementsMatching(MOVES_STOCK))
		.because("template stock has one owner, TemplateStock, which keeps the Redis gate right");

	@ArchTest
	static final ArchRule stockStatementsStayWithTheirOwner = noClasses().that()
		.resideOutsideOfPackage("..gateway..")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("com.couponplatform.gateway.stock.StockMapper")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("com.couponplatform.gateway.stock.CounterBatcher")
		.because("template stock has one owner, TemplateStock, which keeps the Redis gate right");

	/**
	 * A MyBatis insert, update or delete whose SQL matches: the mappers' statements live
	 * in annotations, which ArchUnit reads.
	 */
	private static ArchCondition<JavaMethod> runMyBatisStatementsMatching(Pattern statement) {
		return new ArchCondition<>("run a MyBatis statement matching " + statement) {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				List<String[]> statements = new ArrayList<>();
				method.tryGetAnnotationOfType(Insert.class).ifPresent((insert) -> statements.add(insert.value()));
				method.tryGetAnnotationOfType(Update.class).ifPresent((update) -> statements.add(update.value()));
				method.tryGetAnnotationOfType(Delete.class).ifPresent((delete) -> statements.add(delete.value()));
				for (String[] parts : statements) {
					String sql = String.join(" ", parts);
					if (statement.matcher(sql).find()) {
						events
							.add(SimpleConditionEvent.satisfied(method, method.getFullName() + " runs " + sql.strip()));
					}
				}
			}
		};
	}

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
