package org.ntmrecords.infra.api.criteria;

import java.math.BigDecimal;
import java.util.List;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL queries on criteria set definitions. */
@Controller
public class CriteriaQueries {
    private final CriteriaSetReadRepository sets;

    public CriteriaQueries(CriteriaSetReadRepository sets) {
        this.sets = sets;
    }

    public record RegionalThreshold(String region, BigDecimal threshold) {
    }

    @QueryMapping
    public List<CriteriaSetVersionView> criteriaSets() {
        return sets.latestOfAll();
    }

    @QueryMapping
    public CriteriaSetVersionView criteriaSet(@Argument String id, @Argument Integer version) {
        return sets.find(Args.text("id", id), version).orElse(null);
    }

    @QueryMapping
    public List<CriteriaSetVersionView> criteriaSetVersions(@Argument String id) {
        return sets.versions(Args.text("id", id));
    }

    @SchemaMapping(typeName = "Requirement", field = "regionalThresholds")
    public List<RegionalThreshold> regionalThresholds(Requirement requirement) {
        return requirement.regionalThresholds().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new RegionalThreshold(e.getKey(), e.getValue())).toList();
    }
}
