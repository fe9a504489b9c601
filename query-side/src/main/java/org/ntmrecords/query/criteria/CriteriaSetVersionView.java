package org.ntmrecords.query.criteria;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.criteria.IndicatorStructureChange;
import org.ntmrecords.events.criteria.RequirementChange;
import org.ntmrecords.events.criteria.SetLevel;

/** One published version of a criteria set, with when and by whom it was published. */
public record CriteriaSetVersionView(String id, int version, String title, SetLevel level, Grade grade,
                                     String phase, LegalBasis legalBasis, LocalDate effectiveFrom,
                                     String baseSetId, String provinceCode, String provenance,
                                     List<CriterionDefinition> criteria, Amendment amendment,
                                     Instant publishedAt, String publishedBy, RecognitionRules recognition) {

    /**
     * What an amendment changed, for versions after the first: requirements, and indicators added, removed, split or
     * given another kind (empty for versions read from before structural amendments).
     */
    public record Amendment(int previousVersion, String reason, List<RequirementChange> changes,
                            List<IndicatorStructureChange> structureChanges) {
        public Amendment {
            changes = changes == null ? List.of() : List.copyOf(changes);
            structureChanges = structureChanges == null ? List.of() : List.copyOf(structureChanges);
        }
    }

    static CriteriaSetVersionView of(CriteriaSetDefinition d, Amendment amendment, Instant publishedAt,
                                     String publishedBy) {
        return new CriteriaSetVersionView(d.id(), d.version(), d.title(), d.level(), d.grade(), d.phase(),
                d.legalBasis(), d.effectiveFrom(), d.baseSetId(), d.provinceCode(), d.provenance(), d.criteria(),
                amendment, publishedAt, publishedBy, d.recognition());
    }

    public record Key(String setId, int version) {
    }

    /** The definition the rules judge by. */
    public CriteriaSetDefinition definition() {
        return new CriteriaSetDefinition(id, version, title, level, grade, phase, legalBasis, effectiveFrom,
                baseSetId, provinceCode, provenance, criteria, recognition);
    }

    public Key key() {
        return new Key(id, version);
    }
}
