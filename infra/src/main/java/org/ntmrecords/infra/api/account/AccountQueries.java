package org.ntmrecords.infra.api.account;

import java.util.Map;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.account.AccountReadRepository;
import org.ntmrecords.query.account.AccountView;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The accounts, a page at a time in user name order (administrators and auditors; see the read policy). */
@Controller
public class AccountQueries {
    private final AccountReadRepository accounts;
    private final Paging paging;

    public AccountQueries(AccountReadRepository accounts, Paging paging) {
        this.accounts = accounts;
        this.paging = paging;
    }

    @QueryMapping
    public Connection<AccountView> accounts(@Argument Integer first, @Argument String after, @Argument Integer last,
                                            @Argument String before) {
        Paging.PageRequest page = paging.request("accounts", first, after, last, before);
        if (page.keys() != null && !(page.key("username") instanceof String)) {
            throw new InvalidArgumentException(ApiText.of("cursor.foreign"));
        }
        return paging.connection(accounts.page((String) page.key("username"), page.forward(), page.size() + 1), page,
                account -> Map.of("username", account.username()), accounts.count());
    }
}
