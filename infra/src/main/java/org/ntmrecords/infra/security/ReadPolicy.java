package org.ntmrecords.infra.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ntmrecords.command.access.Role;

/**
 * Who reads which field of the GraphQL schema ({@code Type.field}), as {@code security/read-policy.yml} lists it: for
 * everyone (dashboards included: their allow-list), for every account but dashboards, or for oversight. A field it
 * does not decide is for every account but dashboards, so a field added later stays closed to dashboards until the
 * policy opens it; {@link #undecidedIn} names such fields (ReadPolicyTest fails on them), {@link #unknownIn} names what
 * the policy lists that the schema does not have (the service does not start with any, see {@link ReadPolicyCheck}).
 */
public final class ReadPolicy {
    /** The policy the service enforces. */
    public static final String RESOURCE = "security/read-policy.yml";

    /** Who reads a field. */
    public enum Audience {
        /** Every signed-in account, dashboards included. */
        EVERYONE(EnumSet.allOf(Role.class)),
        /** Every account but dashboards: values, decisions, evidence, cases' steps, history. */
        RECORDS(EnumSet.complementOf(EnumSet.of(Role.DASHBOARD_VIEWER))),
        /** Administrators and auditors: accounts, the security log, store verification, history exports. */
        OVERSIGHT(EnumSet.of(Role.ADMINISTRATOR, Role.AUDITOR));

        private final Set<Role> roles;

        Audience(Set<Role> roles) {
            this.roles = Collections.unmodifiableSet(roles);
        }

        public Set<Role> roles() {
            return roles;
        }

        public boolean admits(Role role) {
            return roles.contains(role);
        }
    }

    /** What a field not decided by the policy is read as. */
    public static final Audience UNDECIDED = Audience.RECORDS;

    private static final String REST = "*";

    private final Map<String, Audience> fields;
    private final Map<String, Audience> rest;
    private final Set<String> types;

    private ReadPolicy(Map<String, Audience> fields, Map<String, Audience> rest, Set<String> types) {
        this.fields = fields;
        this.rest = rest;
        this.types = types;
    }

    /** The policy in {@link #RESOURCE}. */
    public static ReadPolicy standard() {
        try (InputStream in = ReadPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    /** Reads a policy: a map of type names to audiences, each a list of field names or "*". */
    static ReadPolicy parse(byte[] yaml) {
        Map<String, LinkedHashMap<String, Object>> document;
        try {
            YAMLMapper mapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
            document = mapper.readValue(yaml, new TypeReference<LinkedHashMap<String, LinkedHashMap<String, Object>>>() {
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("read policy: " + e.getMessage(), e);
        }
        Map<String, Audience> fields = new LinkedHashMap<>();
        Map<String, Audience> rest = new LinkedHashMap<>();
        for (Map.Entry<String, LinkedHashMap<String, Object>> type : document.entrySet()) {
            if (type.getValue() == null || type.getValue().isEmpty()) {
                throw new IllegalArgumentException("read policy: " + type.getKey() + " names no audience");
            }
            for (Map.Entry<String, Object> entry : type.getValue().entrySet()) {
                Audience audience = audienceNamed(type.getKey(), entry.getKey());
                if (REST.equals(entry.getValue())) {
                    if (audience == Audience.EVERYONE) {
                        throw new IllegalArgumentException("read policy: " + type.getKey()
                                + ": dashboards are opened field by field, never by \"*\"");
                    }
                    if (rest.put(type.getKey(), audience) != null) {
                        throw new IllegalArgumentException("read policy: " + type.getKey() + " has two \"*\"");
                    }
                } else if (entry.getValue() instanceof List<?> names) {
                    for (Object name : names) {
                        if (!(name instanceof String field) || field.isBlank() || field.contains(".")) {
                            throw new IllegalArgumentException("read policy: " + type.getKey() + "." + entry.getKey()
                                    + ": not a field name: " + name);
                        }
                        if (fields.put(type.getKey() + "." + field, audience) != null) {
                            throw new IllegalArgumentException("read policy: " + type.getKey() + "." + field
                                    + " is listed twice");
                        }
                    }
                } else {
                    throw new IllegalArgumentException("read policy: " + type.getKey() + "." + entry.getKey()
                            + ": a list of field names or \"*\"");
                }
            }
        }
        return new ReadPolicy(Map.copyOf(fields), Map.copyOf(rest), Set.copyOf(document.keySet()));
    }

    private static Audience audienceNamed(String type, String name) {
        try {
            return Audience.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("read policy: " + type + ": unknown audience " + name
                    + " (everyone, records or oversight)");
        }
    }

    /** Who reads the field as the policy decides it: by name, by its type's "*", or as introspection. */
    public Optional<Audience> decided(String type, String field) {
        if (type.startsWith("__") || field.startsWith("__")) {
            return Optional.of(Audience.EVERYONE);
        }
        Audience named = fields.get(type + "." + field);
        return Optional.ofNullable(named != null ? named : rest.get(type));
    }

    /** Who reads the field: as decided, else every account but dashboards. */
    public Audience audience(String type, String field) {
        return decided(type, field).orElse(UNDECIDED);
    }

    public boolean allows(Role role, String type, String field) {
        return audience(type, field).admits(role);
    }

    /** The types and fields the policy names that are not object types and fields of the schema. */
    public List<String> unknownIn(GraphQLSchema schema) {
        List<String> unknown = new ArrayList<>();
        for (String type : types) {
            if (!(schema.getType(type) instanceof GraphQLObjectType)) {
                unknown.add(type);
            }
        }
        for (String coordinate : fields.keySet()) {
            int dot = coordinate.indexOf('.');
            if (schema.getType(coordinate.substring(0, dot)) instanceof GraphQLObjectType object
                    && object.getFieldDefinition(coordinate.substring(dot + 1)) == null) {
                unknown.add(coordinate);
            }
        }
        Collections.sort(unknown);
        return unknown;
    }

    /** The fields of the schema's object types the policy does not decide. */
    public List<String> undecidedIn(GraphQLSchema schema) {
        List<String> undecided = new ArrayList<>();
        for (GraphQLObjectType type : objectTypes(schema)) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (decided(type.getName(), field.getName()).isEmpty()) {
                    undecided.add(type.getName() + "." + field.getName());
                }
            }
        }
        return undecided;
    }

    /**
     * The object types a role reaches from the schema's roots through fields the policy lets it read: the only types
     * whose closed fields it could be refused (the others it never gets to).
     */
    public Set<String> reachableBy(Role role, GraphQLSchema schema) {
        Set<String> seen = new TreeSet<>();
        Deque<GraphQLObjectType> next = new ArrayDeque<>();
        Stream.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
                .filter(Objects::nonNull).forEach(next::add);
        while (!next.isEmpty()) {
            GraphQLObjectType type = next.poll();
            if (type.getName().startsWith("__") || !seen.add(type.getName())) {
                continue;
            }
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (!allows(role, type.getName(), field.getName())) {
                    continue;
                }
                GraphQLType target = GraphQLTypeUtil.unwrapAll(field.getType());
                if (target instanceof GraphQLObjectType object) {
                    next.add(object);
                } else if (target instanceof GraphQLInterfaceType face) {
                    next.addAll(schema.getImplementations(face));
                } else if (target instanceof GraphQLUnionType union) {
                    union.getTypes().forEach(t -> next.add((GraphQLObjectType) t));
                }
            }
        }
        return Collections.unmodifiableSet(seen);
    }

    /** The schema's object types, introspection's included, by name. */
    public static List<GraphQLObjectType> objectTypes(GraphQLSchema schema) {
        return schema.getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList();
    }
}
