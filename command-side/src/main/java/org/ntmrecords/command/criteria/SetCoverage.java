package org.ntmrecords.command.criteria;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.Region;

/**
 * Which units a set may rate, and under which region's thresholds. A province's variant of a national set (its
 * {@code provinceCode} set) rates only the units of that province: tracking, recognition cases, certified standards
 * and evidence against it are refused for a unit of another province. A region given for a unit is one of the seven
 * ({@link Region}) and, where the unit's province has a known region ({@link ProvinceRegions}), that region; a
 * special-difficulty commune (xã đặc biệt khó khăn, xã an toàn khu) may use the {@code tdmnpb} thresholds wherever
 * it lies (QĐ 318/QĐ-TTg), on the basis of the decision that lists it.
 */
public final class SetCoverage {
    private SetCoverage() {
    }

    /** Refuses a unit outside the province whose variant {@code set} is. National sets rate every unit. */
    public static void requireCovers(CriteriaSetDefinition set, UnitFacts unit, UnitDirectory units, String field) {
        String province = set.provinceCode();
        if (province == null) {
            return;
        }
        Set<String> provinces = units.provincesOf(unit);
        if (provinces.contains(province)) {
            return;
        }
        Message lies = provinces.isEmpty() ? CommandText.of("criteria.coverage.noProvince")
                : CommandText.of("criteria.coverage.liesIn",
                CommandText.joined("list.and", provinces.stream().map(p -> named(units, p)).toList()));
        throw new CommandRejectedException(RejectionCode.OUTSIDE_SET_PROVINCE, field, set.baseSetId() == null
                ? CommandText.of("criteria.coverage.outside", set.id(), named(units, province), unit.code(), unit.name(),
                        lies)
                : CommandText.of("criteria.coverage.outsideBase", set.id(), named(units, province), unit.code(),
                        unit.name(), lies, set.baseSetId()));
    }

    /**
     * The region to record for a unit tracked against a set: {@code null} when none is given; otherwise a region key
     * that agrees with the unit's province where that province's region is known, or {@code tdmnpb} with the decision
     * listing the commune as special-difficulty ({@code regionBasis}).
     */
    public static String region(String given, DocumentRef regionBasis, UnitFacts unit, UnitDirectory units,
                                ProvinceRegions regions) {
        String key = Inputs.optionalLine("region", given, Inputs.CODE_MAX);
        if (key == null) {
            if (regionBasis != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "regionBasis",
                        CommandText.of("criteria.coverage.basisWithoutRegion"));
            }
            return null;
        }
        Region region = Region.byKey(key).orElseThrow(() -> new CommandRejectedException(RejectionCode.OUT_OF_RANGE,
                "region", CommandText.of("criteria.coverage.notARegion", key,
                Arrays.stream(Region.values()).map(Region::key).toList().toString())));
        if (regionBasis != null && region != Region.TDMNPB) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "regionBasis",
                    CommandText.of("criteria.coverage.basisNotNeeded", key));
        }
        Map<String, ProvinceRegions.ProvinceRegion> known = new LinkedHashMap<>();
        for (UnitFacts province : provincesOfThePhase(unit, units)) {
            regions.regionOf(province.code())
                    .filter(r -> unit.kind().level() != 1 || r.provinceName().equals(province.name()))
                    .ifPresent(r -> known.put(province.code(), r));
        }
        if (known.isEmpty() || known.values().stream().anyMatch(r -> r.region() == region)) {
            return key;
        }
        if (region == Region.TDMNPB && regionBasis != null) {
            return key;
        }
        List<Message> stated = known.values().stream().map(r -> CommandText.of("criteria.coverage.provinceRegion",
                r.provinceCode(), r.provinceName(), r.region().key(), r.region().vietnameseName(), r.source())).toList();
        Object provinces = CommandText.joined("list.semicolon", stated);
        throw new CommandRejectedException(RejectionCode.REGION_MISMATCH, "region", region == Region.TDMNPB
                ? CommandText.of("criteria.coverage.notInRegionTdmnpb", unit.code(), unit.name(), key,
                        region.vietnameseName(), provinces)
                : CommandText.of("criteria.coverage.notInRegion", unit.code(), unit.name(), key, region.vietnameseName(),
                        provinces));
    }

    /**
     * The provinces a unit lay in under the structure the regions of QĐ 318/QĐ-TTg were stated for, with districts:
     * a commune's province is reached through its district (current or former), a district's directly; the reform of
     * 1 July 2025 abolished districts, and a province that kept its code may since hold communes of other provinces
     * (Bắc Giang's code 24 is the new Bắc Ninh's), so a commune placed directly under a province says nothing about its
     * 2021-2025 region. A province itself counts only under the name the reference data gives it.
     */
    static List<UnitFacts> provincesOfThePhase(UnitFacts unit, UnitDirectory units) {
        Map<String, UnitFacts> provinces = new LinkedHashMap<>();
        if (unit.kind().village()) {
            // a village lies where its commune (current or former) lay
            parents(unit, units).stream().filter(c -> c.kind().level() == 3)
                    .flatMap(c -> provincesOfThePhase(c, units).stream())
                    .forEach(p -> provinces.putIfAbsent(p.code(), p));
            return List.copyOf(provinces.values());
        }
        switch (unit.kind().level()) {
            case 1 -> provinces.put(unit.code(), unit);
            case 2 -> parents(unit, units).stream().filter(p -> p.kind().level() == 1)
                    .forEach(p -> provinces.putIfAbsent(p.code(), p));
            default -> parents(unit, units).stream().filter(d -> d.kind().level() == 2)
                    .flatMap(d -> parents(d, units).stream()).filter(p -> p.kind().level() == 1)
                    .forEach(p -> provinces.putIfAbsent(p.code(), p));
        }
        return List.copyOf(provinces.values());
    }

    private static List<UnitFacts> parents(UnitFacts unit, UnitDirectory units) {
        List<String> codes = new ArrayList<>();
        if (unit.parentCode() != null) {
            codes.add(unit.parentCode());
        }
        codes.addAll(unit.formerParentCodes());
        return codes.stream().distinct().map(units::find).flatMap(Optional::stream).toList();
    }

    private static String named(UnitDirectory units, String code) {
        return units.find(code).map(u -> code + " " + u.name()).orElse(code);
    }
}
