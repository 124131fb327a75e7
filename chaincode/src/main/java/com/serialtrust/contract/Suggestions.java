package com.serialtrust.contract;

import java.util.List;

/** What a typed serial of a GTIN may have meant: registered serials that read the same once folded. */
public record Suggestions(List<String> suggestions) {

    public Suggestions {
        suggestions = List.copyOf(suggestions);
    }
}
