package org.ntmrecords.infra.api.evidence;

import java.util.List;
import java.util.Map;
import org.ntmrecords.query.recognition.ExpiryReadRepository;
import org.ntmrecords.query.recognition.ExpiryReadRepository.ExpiringView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL queries of this feature, answered by {@link ExpiryReadRepository}. */
@Controller
public class ExpiryQueries {
    private final ExpiryReadRepository expiryReadRepository;

    public ExpiryQueries(ExpiryReadRepository expiryReadRepository) {
        this.expiryReadRepository = expiryReadRepository;
    }

    @QueryMapping
    public List<ExpiringView> expiringSoon(@Argument Integer withinDays, @Argument String unitCode, @Argument String districtCode, @Argument Boolean includeLapsed) {
        return expiryReadRepository.expiringSoon(withinDays, unitCode, districtCode, includeLapsed);
    }
}
