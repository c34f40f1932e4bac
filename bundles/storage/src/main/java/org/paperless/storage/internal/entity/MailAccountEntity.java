package org.paperless.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** An IMAP account; the password only encrypted ("v1:" + base64), null when there is none. */
@Entity
@Table(name = "mail_account")
public class MailAccountEntity extends IdentifiedEntity {

    public static final int PASSWORD_LENGTH = 2048;
    public static final int CHARACTER_SET_LENGTH = 64;

    @Column(name = "name", nullable = false, length = 256)
    private String name;

    @Column(name = "host", nullable = false, length = 256)
    private String host;

    @Column(name = "port")
    private Integer port;

    /** The MailAccount.Security name. */
    @Column(name = "security", nullable = false, length = 16)
    private String security;

    @Column(name = "username", nullable = false, length = 256)
    private String username;

    @Column(name = "password_encrypted", length = PASSWORD_LENGTH)
    private String passwordEncrypted;

    @Column(name = "character_set", nullable = false, length = CHARACTER_SET_LENGTH)
    private String characterSet;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getSecurity() {
        return security;
    }

    public void setSecurity(String security) {
        this.security = security;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPasswordEncrypted() {
        return passwordEncrypted;
    }

    public void setPasswordEncrypted(String passwordEncrypted) {
        this.passwordEncrypted = passwordEncrypted;
    }

    public String getCharacterSet() {
        return characterSet;
    }

    public void setCharacterSet(String characterSet) {
        this.characterSet = characterSet;
    }
}
