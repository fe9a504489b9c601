package org.ntmrecords.infra.api.evidence;

import java.util.Map;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.CursorKeys;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.recognition.ExpiryReadRepository;
import org.ntmrecords.query.recognition.ExpiryReadRepository.ExpiringView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Titles and certified standards that run out soon, soonest first, a page at a time. */
@Controller
public class ExpiryQueries {
    private final ExpiryReadRepository expiryReadRepository;
    private final Paging paging;

    public ExpiryQueries(ExpiryReadRepository expiryReadRepository, Paging paging) {
        this.expiryReadRepository = expiryReadRepository;
        this.paging = paging;
    }

    @QueryMapping
    public Connection<ExpiringView> expiringSoon(@Argument Integer withinDays, @Argument String unitCode,
                                                 @Argument String districtCode, @Argument Boolean includeLapsed,
                                                 @Argument Integer first, @Argument String after,
                                                 @Argument Integer last, @Argument String before) {
        Paging.PageRequest page = paging.request("expiringSoon", first, after, last, before);
        return paging.connection(expiryReadRepository.expiringSoon(withinDays, unitCode, districtCode, includeLapsed,
                        CursorKeys.keyset(page, "validUntil", CursorKeys.Type.DATE, "id", CursorKeys.Type.TEXT)),
                page, item -> Map.of("validUntil", item.validUntil().toString(), "id", item.id()),
                expiryReadRepository.countExpiringSoon(withinDays, unitCode, districtCode, includeLapsed));
    }
}
