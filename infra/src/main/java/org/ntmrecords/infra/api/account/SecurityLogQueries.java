package org.ntmrecords.infra.api.account;

import java.util.Map;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.account.SecurityLogReadRepository.DeniedAttemptView;
import org.ntmrecords.query.account.SecurityLogReadRepository;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The refused attempts, newest first, a page at a time (administrators and auditors; see the read policy). */
@Controller
public class SecurityLogQueries {
    private final SecurityLogReadRepository log;
    private final Paging paging;

    public SecurityLogQueries(SecurityLogReadRepository log, Paging paging) {
        this.log = log;
        this.paging = paging;
    }

    @QueryMapping
    public Connection<DeniedAttemptView> securityLog(@Argument Integer first, @Argument String after,
                                                     @Argument Integer last, @Argument String before) {
        Paging.PageRequest page = paging.request("securityLog", first, after, last, before);
        if (page.keys() != null && !(page.key("id") instanceof Number)) {
            throw new InvalidArgumentException(ApiText.of("cursor.foreign"));
        }
        return paging.connection(log.page(page.longKey("id"), page.forward(), page.size() + 1), page,
                entry -> Map.of("id", entry.id()), log.count());
    }
}
