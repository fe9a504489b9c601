package org.ntmrecords.infra.api.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.unit.Succession;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL queries on administrative units, with parent and children loaded in batches. */
@Controller
public class UnitQueries {
    private final UnitReadRepository units;
    private final Paging paging;

    public UnitQueries(UnitReadRepository units, Paging paging) {
        this.units = units;
        this.paging = paging;
    }

    @QueryMapping
    public UnitView unit(@Argument String code) {
        return units.find(Args.text("code", code)).orElse(null);
    }

    @QueryMapping
    public Connection<UnitView> units(@Argument String search, @Argument UnitKind kind, @Argument String parentCode,
                                      @Argument Integer first, @Argument String after, @Argument Integer last,
                                      @Argument String before) {
        Paging.PageRequest page = paging.request("units", first, after, last, before);
        if (page.keys() != null && !(page.key("level") instanceof Number && page.key("code") instanceof String)) {
            throw new InvalidArgumentException(ApiText.of("cursor.foreign"));
        }
        Long level = page.longKey("level");
        String code = (String) page.key("code");
        String text = Args.text("search", search);
        String parent = Args.text("parentCode", parentCode);
        List<UnitView> rows = units.search(text, kind, parent, level == null ? null : level.intValue(), code,
                page.forward(), page.size() + 1);
        return paging.connection(rows, page, unit -> Map.of("level", unit.level(), "code", unit.code()),
                units.count(text, kind, parent));
    }

    @BatchMapping(typeName = "Unit", field = "parent")
    public Map<UnitView, UnitView> parent(List<UnitView> children) {
        Map<String, UnitView> parents = units.findAll(
                children.stream().map(UnitView::parentCode).filter(java.util.Objects::nonNull).distinct().toList());
        Map<UnitView, UnitView> result = new LinkedHashMap<>();
        children.forEach(child -> {
            if (child.parentCode() != null && parents.containsKey(child.parentCode())) {
                result.put(child, parents.get(child.parentCode()));
            }
        });
        return result;
    }

    @BatchMapping(typeName = "Unit", field = "children")
    public Map<UnitView, List<UnitView>> children(List<UnitView> parents) {
        Map<String, List<UnitView>> children = units.childrenOf(parents.stream().map(UnitView::code).toList());
        Map<UnitView, List<UnitView>> result = new LinkedHashMap<>();
        parents.forEach(parent -> result.put(parent, children.getOrDefault(parent.code(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Unit", field = "successors")
    public Map<UnitView, List<Succession>> successors(List<UnitView> predecessors) {
        Map<String, List<Succession>> links = units.successorsOf(predecessors.stream().map(UnitView::code).toList());
        Map<UnitView, List<Succession>> result = new LinkedHashMap<>();
        predecessors.forEach(unit -> result.put(unit, links.getOrDefault(unit.code(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Unit", field = "predecessors")
    public Map<UnitView, List<Succession>> predecessors(List<UnitView> successors) {
        Map<String, List<Succession>> links = units.predecessorsOf(successors.stream().map(UnitView::code).toList());
        Map<UnitView, List<Succession>> result = new LinkedHashMap<>();
        successors.forEach(unit -> result.put(unit, links.getOrDefault(unit.code(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Succession", field = "predecessor")
    public Map<Succession, UnitView> predecessor(List<Succession> links) {
        Map<String, UnitView> found = units.findAll(links.stream().map(Succession::predecessorCode).distinct().toList());
        Map<Succession, UnitView> result = new LinkedHashMap<>();
        links.forEach(link -> result.put(link, found.get(link.predecessorCode())));
        return result;
    }

    @BatchMapping(typeName = "Succession", field = "successor")
    public Map<Succession, UnitView> successor(List<Succession> links) {
        Map<String, UnitView> found = units.findAll(links.stream().map(Succession::successorCode).distinct().toList());
        Map<Succession, UnitView> result = new LinkedHashMap<>();
        links.forEach(link -> result.put(link, found.get(link.successorCode())));
        return result;
    }
}
