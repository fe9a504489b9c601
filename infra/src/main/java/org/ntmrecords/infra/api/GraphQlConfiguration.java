package org.ntmrecords.infra.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/** Scalars and the root fields shared by every deployment shape. */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

    @Bean
    public RuntimeWiringConfigurer scalars() {
        GraphQLScalarType decimal = ExtendedScalars.newAliasedScalar("Decimal")
                .aliasedScalar(ExtendedScalars.GraphQLBigDecimal).build();
        return wiring -> wiring.scalar(date()).scalar(decimal).scalar(dateTime())
                .scalar(ExtendedScalars.GraphQLLong);
    }

    /**
     * Date as an ISO-8601 calendar date ({@code yyyy-mm-dd}), strictly: a day that does not exist in the calendar
     * ({@code 2024-02-30}) is refused, never moved to the nearest one.
     */
    static GraphQLScalarType date() {
        return GraphQLScalarType.newScalar().name("Date")
                .description("A calendar date, ISO-8601 (yyyy-mm-dd); a day that does not exist is refused.")
                .coercing(new Coercing<LocalDate, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof LocalDate date) {
                            return date.toString();
                        }
                        throw new CoercingSerializeException("not a date: " + value);
                    }

                    @Override
                    public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (!(input instanceof String text)) {
                            throw new CoercingParseValueException(ApiText.say(locale, "input.dateNotText"));
                        }
                        return parse(text, locale, CoercingParseValueException::new);
                    }

                    @Override
                    public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                                  Locale locale) {
                        if (!(input instanceof StringValue string)) {
                            throw new CoercingParseLiteralException(ApiText.say(locale, "input.dateNotText"));
                        }
                        return parse(string.getValue(), locale, CoercingParseLiteralException::new);
                    }

                    @Override
                    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                        return StringValue.of(serialize(input, context, locale));
                    }
                }).build();
    }

    private static <E extends RuntimeException> LocalDate parse(String text, Locale locale,
                                                                java.util.function.Function<String, E> error) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            throw error.apply(ApiText.say(locale, "input.notDate", text));
        }
    }

    /**
     * Numbers in request variables keep the digits they were sent with: JSON {@code 21.0} or {@code 15.20} reaches the
     * Decimal scalar as that decimal, not as a double (which would make 15.20 into 15.2 before any check). Answers
     * write decimals as they are held ({@code 21.0}).
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer exactDecimalsInRequests() {
        return builder -> builder.featuresToEnable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** DateTime as ISO-8601 instants; accepts any offset on input and answers in UTC. */
    static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar().name("DateTime").coercing(new Coercing<Instant, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof Instant instant) {
                    return instant.toString();
                }
                if (value instanceof OffsetDateTime odt) {
                    return odt.toInstant().toString();
                }
                throw new CoercingSerializeException("not an instant: " + value);
            }

            @Override
            public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return OffsetDateTime.parse(input.toString()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException(ApiText.say(locale, "input.notDateTime", String.valueOf(input)));
                }
            }

            @Override
            public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                        Locale locale) {
                if (!(input instanceof StringValue string)) {
                    throw new CoercingParseLiteralException(ApiText.say(locale, "input.dateTimeNotText"));
                }
                try {
                    return OffsetDateTime.parse(string.getValue()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException(ApiText.say(locale, "input.notDateTime", string.getValue()));
                }
            }
        }).build();
    }

    @Controller
    static class ApiVersion {
        private final String version;

        ApiVersion(@org.springframework.beans.factory.annotation.Value("${ntm.api-version:0.1}") String version) {
            this.version = version;
        }

        @QueryMapping
        String apiVersion() {
            return version;
        }
    }
}
