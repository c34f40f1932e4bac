package org.paperless.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;

/** The columns every classifying object's table shares: id, name and matching. */
@MappedSuperclass
public abstract class NamedEntity extends IdentifiedEntity {

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "match_pattern", length = 256)
    private String matchPattern;

    @Column(name = "matching_algorithm", nullable = false)
    private int matchingAlgorithm;

    @Column(name = "is_insensitive", nullable = false)
    private boolean insensitive;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMatchPattern() {
        return matchPattern;
    }

    public void setMatchPattern(String matchPattern) {
        this.matchPattern = matchPattern;
    }

    public int getMatchingAlgorithm() {
        return matchingAlgorithm;
    }

    public void setMatchingAlgorithm(int matchingAlgorithm) {
        this.matchingAlgorithm = matchingAlgorithm;
    }

    public boolean isInsensitive() {
        return insensitive;
    }

    public void setInsensitive(boolean insensitive) {
        this.insensitive = insensitive;
    }
}
