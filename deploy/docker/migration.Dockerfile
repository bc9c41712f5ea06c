# coupon-migration image: the operator CLI (`schema`, `check`, `locate`, `legacy-*`, `status`,
# `transition`), and the migration worker (`worker`, compose's coupon-migration-worker). Build from
# the repository root after
# `./mvnw -DskipTests package`:
#   docker build -f deploy/docker/migration.Dockerfile -t coupon-migration:0.1.0 .
#   docker run --rm --env-file production.env coupon-migration:0.1.0 schema
FROM eclipse-temurin:17-jre AS layers
WORKDIR /build
COPY coupon-migration/target/coupon-migration-*-exec.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin coupon
WORKDIR /application
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
# No HTTP port: healthy while every configured database server answers (`check` writes nothing).
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
    CMD ["java", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", "application.jar", "check"]
ENTRYPOINT ["java", "-jar", "application.jar"]
CMD ["check"]
