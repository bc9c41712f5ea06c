# coupon-api image. Build from the repository root after `./mvnw -DskipTests package`:
#   docker build -f deploy/docker/api.Dockerfile -t coupon-api:0.1.0 .
# The layered jar is unpacked into its layers (Spring Boot's jarmode=tools), dependencies first,
# so a code change rebuilds only the last, small layer.
FROM eclipse-temurin:17-jre AS layers
WORKDIR /build
COPY coupon-api/target/coupon-api-*-exec.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# curl only for the health check; a fixed non-root user that owns nothing but /tmp.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin coupon
WORKDIR /application
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
EXPOSE 8080
# Heap from the container's memory limit; JAVA_TOOL_OPTIONS adds to it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "application.jar"]
