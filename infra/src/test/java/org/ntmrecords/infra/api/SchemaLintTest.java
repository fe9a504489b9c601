package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.Introspection;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SchemaTraverser;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLSchemaElement;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.ServedSchema;

/**
 * The schema's conventions, checked on the schema as it is served so that they cannot drift (the rules of
 * graphql-schema-linter's default set, in Java): a description on every type, field, argument, input field and enum
 * value, beginning with a capital letter; names in PascalCase (types), camelCase (fields, arguments, input fields) and
 * SCREAMING_CASE (enum values); deprecations with a reason; every type used; Relay connections and page info as the
 * spec says; and every list a query answers that can grow is a connection — a list that cannot grow is named here
 * with the reason it is bounded.
 */
class SchemaLintTest {
    private static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern SCREAMING = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    /** Root query fields answering a plain list, and why the list is bounded. */
    private static final Map<String, String> BOUNDED_LISTS = Map.ofEntries(
            Map.entry("criteriaSets", "the latest version of each published set: a handful per province"),
            Map.entry("criteriaSetVersions", "the versions of one set: one per amendment"),
            Map.entry("agencies", "the agencies of one unit: about ten per district"),
            Map.entry("overdueTasksByLead", "one count per lead body of a district's plans: its agencies and units"));

    private static GraphQLSchema schema;
    private static List<GraphQLNamedType> ownTypes;

    @BeforeAll
    static void build() throws Exception {
        schema = ServedSchema.build();
        ownTypes = schema.getAllTypesAsList().stream()
                .filter(t -> !Introspection.isIntrospectionTypes(t) && !t.getName().startsWith("__"))
                .filter(t -> !Set.of("String", "Int", "Float", "Boolean", "ID").contains(t.getName()))
                .toList();
    }

    private static void describedAndCapitalized(List<String> problems, String where, String description) {
        if (description == null || description.isBlank()) {
            problems.add(where + ": no description");
        } else if (!Character.isUpperCase(description.strip().codePointAt(0)) && !description.strip().startsWith("`")
                && !Character.isDigit(description.strip().codePointAt(0))) {
            problems.add(where + ": description does not begin with a capital letter");
        }
    }

    private static void deprecation(List<String> problems, String where, GraphQLDirectiveContainer element,
                                    boolean deprecated, String reason) {
        if (deprecated && (reason == null || reason.isBlank() || "No longer supported".equals(reason))) {
            problems.add(where + ": deprecated without a reason");
        }
    }

    @Test
    void everyElementIsDescribedAndNamedByTheConventions() {
        List<String> problems = new ArrayList<>();
        for (GraphQLNamedType type : ownTypes) {
            String name = type.getName();
            describedAndCapitalized(problems, name, type.getDescription());
            if (!PASCAL.matcher(name).matches()) {
                problems.add(name + ": type name not in PascalCase");
            }
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    String where = name + "." + field.getName();
                    describedAndCapitalized(problems, where, field.getDescription());
                    if (!CAMEL.matcher(field.getName()).matches()) {
                        problems.add(where + ": field name not in camelCase");
                    }
                    deprecation(problems, where, field, field.isDeprecated(), field.getDeprecationReason());
                    for (GraphQLArgument argument : field.getArguments()) {
                        String at = where + "(" + argument.getName() + ")";
                        describedAndCapitalized(problems, at, argument.getDescription());
                        if (!CAMEL.matcher(argument.getName()).matches()) {
                            problems.add(at + ": argument name not in camelCase");
                        }
                    }
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    String where = name + "." + field.getName();
                    describedAndCapitalized(problems, where, field.getDescription());
                    if (!CAMEL.matcher(field.getName()).matches()) {
                        problems.add(where + ": input field name not in camelCase");
                    }
                }
            }
            if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    String where = name + "." + value.getName();
                    describedAndCapitalized(problems, where, value.getDescription());
                    if (!SCREAMING.matcher(value.getName()).matches()) {
                        problems.add(where + ": enum value not in SCREAMING_CASE");
                    }
                    deprecation(problems, where, value, value.isDeprecated(), value.getDeprecationReason());
                }
            }
        }
        assertThat(problems).as("%d schema convention findings", problems.size()).isEmpty();
    }

    @Test
    void everyTypeIsUsed() {
        Set<String> reached = new HashSet<>();
        List<GraphQLSchemaElement> roots = new ArrayList<>();
        roots.add(schema.getQueryType());
        if (schema.getMutationType() != null) {
            roots.add(schema.getMutationType());
        }
        if (schema.getSubscriptionType() != null) {
            roots.add(schema.getSubscriptionType());
        }
        new SchemaTraverser().depthFirst(new GraphQLTypeVisitorStub() {
            @Override
            protected TraversalControl visitGraphQLType(GraphQLSchemaElement node, TraverserContext<GraphQLSchemaElement> context) {
                if (node instanceof GraphQLNamedType named) {
                    reached.add(named.getName());
                }
                return TraversalControl.CONTINUE;
            }
        }, roots);
        Set<String> unused = new TreeSet<>();
        ownTypes.forEach(t -> {
            if (!reached.contains(t.getName())) {
                unused.add(t.getName());
            }
        });
        assertThat(unused).as("types no operation reaches").isEmpty();
    }

    @Test
    void connectionsAndPageInfoFollowTheRelaySpec() {
        List<String> problems = new ArrayList<>();
        for (GraphQLNamedType type : ownTypes) {
            if (!(type instanceof GraphQLObjectType object) || !type.getName().endsWith("Connection")) {
                continue;
            }
            GraphQLFieldDefinition edges = object.getFieldDefinition("edges");
            GraphQLFieldDefinition pageInfo = object.getFieldDefinition("pageInfo");
            if (edges == null || !(GraphQLTypeUtil.unwrapNonNull(edges.getType()) instanceof GraphQLList)) {
                problems.add(type.getName() + ": no list of edges");
            } else {
                GraphQLType edge = GraphQLTypeUtil.unwrapAll(edges.getType());
                if (!(edge instanceof GraphQLObjectType edgeType) || edgeType.getFieldDefinition("node") == null
                        || edgeType.getFieldDefinition("cursor") == null) {
                    problems.add(type.getName() + ": its edges have no node and cursor");
                }
            }
            if (pageInfo == null || !GraphQLTypeUtil.isNonNull(pageInfo.getType())
                    || !"PageInfo".equals(GraphQLTypeUtil.unwrapAll(pageInfo.getType()).getName())) {
                problems.add(type.getName() + ": no pageInfo: PageInfo!");
            }
            if (object.getFieldDefinition("totalCount") == null) {
                problems.add(type.getName() + ": no totalCount");
            }
        }
        GraphQLObjectType pageInfo = schema.getObjectType("PageInfo");
        for (String field : List.of("hasPreviousPage", "hasNextPage", "startCursor", "endCursor")) {
            if (pageInfo == null || pageInfo.getFieldDefinition(field) == null) {
                problems.add("PageInfo: no " + field);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyListAQueryAnswersThatCanGrowIsAConnection() {
        List<String> lists = new ArrayList<>();
        for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
            if (GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList
                    && !BOUNDED_LISTS.containsKey(field.getName())) {
                lists.add("Query." + field.getName());
            }
        }
        assertThat(lists).as("lists that are not connections and not named bounded").isEmpty();
        assertThat(BOUNDED_LISTS.keySet()).allSatisfy(name -> assertThat(schema.getQueryType().getFieldDefinition(name))
                .as("bounded list %s is served", name).isNotNull());
    }

    @Test
    void theLinterFindsWhatItLooksFor() throws Exception {
        // a schema with a problem of each kind: the rules above must see them (a linter that finds nothing is no proof)
        GraphQLSchema bad = graphql.schema.idl.UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new graphql.schema.idl.SchemaParser().parse("""
                        type Query { things: [thing] }
                        type thing { Bad_Name: String }
                        enum Colour { red }
                        """));
        GraphQLSchema served = schema;
        List<GraphQLNamedType> served_types = ownTypes;
        try {
            schema = bad;
            ownTypes = bad.getAllTypesAsList().stream().filter(t -> !t.getName().startsWith("__"))
                    .filter(t -> !Set.of("String", "Int", "Float", "Boolean", "ID").contains(t.getName())).toList();
            org.assertj.core.api.Assertions.assertThatThrownBy(this::everyElementIsDescribedAndNamedByTheConventions)
                    .hasMessageContaining("thing: no description").hasMessageContaining("type name not in PascalCase")
                    .hasMessageContaining("field name not in camelCase").hasMessageContaining("enum value not in SCREAMING_CASE");
            org.assertj.core.api.Assertions.assertThatThrownBy(this::everyListAQueryAnswersThatCanGrowIsAConnection)
                    .hasMessageContaining("Query.things");
        } finally {
            schema = served;
            ownTypes = served_types;
        }
    }
}
