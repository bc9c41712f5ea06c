package com.couponplatform.shared;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The problem+json answers in the services' OpenAPI documents, written once: the
 * {@code Problem} schema with every stable {@code code}, and for each operation one
 * response per status it may refuse with, naming the codes.
 */
public final class ApiProblems {

	/** What any authenticated endpoint may answer. */
	public static final Set<ProblemCode> COMMON = EnumSet.of(ProblemCode.VALIDATION_FAILED, ProblemCode.UNAUTHENTICATED,
			ProblemCode.FORBIDDEN, ProblemCode.INTERNAL_ERROR, ProblemCode.SERVICE_UNAVAILABLE);

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String SCHEMA = "#/components/schemas/Problem";

	private ApiProblems() {
	}

	/**
	 * Adds the {@code Problem} schema to a document.
	 * @param api the document
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public static void addSchema(OpenAPI api) {
		Schema violation = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		Schema code = new StringSchema().description("the stable code clients branch on");
		Arrays.stream(ProblemCode.values()).forEach((value) -> code.addEnumItemObject(value.name()));
		Schema problem = new ObjectSchema().description("RFC 9457 problem details with the platform's stable code")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("code", code)
			.addProperty("errors",
					new ArraySchema().items(violation)
						.nullable(true)
						.description("the invalid fields, for VALIDATION_FAILED"))
			.addProperty("missingAmount",
					new IntegerSchema().format("int64")
						.description("for THRESHOLD_NOT_MET, how much more the order must reach, in minor units"))
			.addProperty("preconditions", new ArraySchema()
				.items(new ObjectSchema().addProperty("name", new StringSchema())
					.addProperty("holds", new BooleanSchema())
					.addProperty("detail", new StringSchema()))
				.description("for MIGRATION_PRECONDITION_FAILED, every precondition of the transition, checked"));
		problem.setRequired(List.of("type", "title", "status", "code"));
		api.schema("Problem", problem);
	}

	/**
	 * Describes an operation from its handler: its ID ({@link #operationId}) and its
	 * problem answers ({@link #addResponses}, with the handler's {@link Refuses}).
	 * @param operation the operation springdoc built
	 * @param controller the handler's class
	 * @param handler the handler method
	 * @return the operation
	 */
	public static Operation describe(Operation operation, Class<?> controller, Method handler) {
		return describe(operation, controller, handler, Set.of());
	}

	/**
	 * Describes an operation as {@link #describe(Operation, Class, Method)} does, with
	 * codes a service adds to some of its operations in one place rather than on each
	 * handler.
	 * @param operation the operation springdoc built
	 * @param controller the handler's class
	 * @param handler the handler method
	 * @param added the codes it refuses with besides its {@link Refuses} and the common
	 * ones
	 * @return the operation
	 */
	public static Operation describe(Operation operation, Class<?> controller, Method handler, Set<ProblemCode> added) {
		Refuses refuses = handler.getAnnotation(Refuses.class);
		Set<ProblemCode> own = EnumSet.noneOf(ProblemCode.class);
		own.addAll(added);
		if (refuses != null) {
			own.addAll(List.of(refuses.value()));
		}
		addResponses(operation, own);
		operation.setOperationId(operationId(controller.getSimpleName(), handler.getName()));
		return operation;
	}

	/**
	 * An operation ID unique in the document and readable in a generated client:
	 * {@code TemplateController.publish} is {@code templatePublish} (springdoc would
	 * number the second {@code get}).
	 * @param controller the handler's class name
	 * @param method the handler method's name
	 * @return the operation ID
	 */
	public static String operationId(String controller, String method) {
		String resource = controller.endsWith("Controller")
				? controller.substring(0, controller.length() - "Controller".length()) : controller;
		return Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
				+ Character.toUpperCase(method.charAt(0)) + method.substring(1);
	}

	/**
	 * Adds an operation's problem answers: {@link #COMMON} and its own, one response per
	 * status.
	 * @param operation the operation
	 * @param own the codes it refuses with besides the common ones
	 */
	public static void addResponses(Operation operation, Collection<ProblemCode> own) {
		Set<ProblemCode> codes = EnumSet.copyOf(COMMON);
		codes.addAll(own);
		Map<Integer, List<ProblemCode>> byStatus = new TreeMap<>(
				codes.stream().collect(Collectors.groupingBy(ProblemCode::status)));
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		byStatus.forEach((status, refused) -> responses.addApiResponse(Integer.toString(status), new ApiResponse()
			.description(refused.stream().map(ProblemCode::name).collect(Collectors.joining(", ")))
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(SCHEMA))))));
		operation.setResponses(responses);
	}

}
