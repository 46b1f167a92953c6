#define _GNU_SOURCE
#include "certificate_shim.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct sscard_key { EVP_PKEY *pkey; };
struct sscard_certificate { X509 *x509; };

// GB/T 32918's default user ID, which CAs and tokens use when none is agreed.
static const char sm2_id[] = "1234567812345678";

static int pkey_is_sm2(const EVP_PKEY *pkey) {
    if (pkey == NULL) return 0;
    if (EVP_PKEY_is_a(pkey, "SM2")) return 1;
    char group[64] = {0};
    size_t length = 0;
    return EVP_PKEY_get_utf8_string_param(pkey, "group", group, sizeof group, &length) == 1 && strcmp(group, "SM2") == 0;
}

static char *bio_contents(BIO *bio, size_t *length) {
    char *data = NULL;
    long size = BIO_get_mem_data(bio, &data);
    char *copy = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (copy != NULL) {
        memcpy(copy, data, (size_t)size);
        copy[size] = 0;
        *length = (size_t)size;
    }
    BIO_free(bio);
    return copy;
}

// A digest context for `pkey`: SM3 with the SM2 ID for SM2, SHA-256 otherwise.
static EVP_MD_CTX *digest_context(EVP_PKEY *pkey, int signing, EVP_PKEY_CTX **sm2_context) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    *sm2_context = NULL;
    if (context == NULL) return NULL;
    int sm2 = pkey_is_sm2(pkey);
    if (sm2) {
        *sm2_context = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
        if (*sm2_context == NULL || EVP_PKEY_CTX_set1_id(*sm2_context, sm2_id, 16) != 1) goto fail;
        EVP_MD_CTX_set_pkey_ctx(context, *sm2_context);
    }
    const EVP_MD *digest = sm2 ? EVP_sm3() : EVP_sha256();
    int ok = signing ? EVP_DigestSignInit(context, NULL, digest, NULL, pkey)
                     : EVP_DigestVerifyInit(context, NULL, digest, NULL, pkey);
    if (ok == 1) return context;
fail:
    EVP_MD_CTX_free(context);
    EVP_PKEY_CTX_free(*sm2_context);
    *sm2_context = NULL;
    return NULL;
}

sscard_key *sscard_key_read(const char *pem, size_t length, const char *password, int *outcome) {
    ERR_clear_error();
    BIO *bio = BIO_new_mem_buf(pem, (int)length);
    EVP_PKEY *pkey = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, (void *)(password ? password : "")) : NULL;
    BIO_free(bio);
    if (pkey == NULL) {
        // An encrypted key that will not open: the password is wrong (OpenSSL cannot tell
        // a wrong password from a damaged ciphertext, and neither can anyone else).
        int encrypted = length > 0 && memmem(pem, length, "ENCRYPTED PRIVATE KEY", 21) != NULL;
        *outcome = encrypted ? SSCARD_KEY_WRONG_PASSWORD : SSCARD_KEY_UNREADABLE;
        ERR_clear_error();
        return NULL;
    }
    sscard_key *key = malloc(sizeof *key);
    if (key == NULL) { EVP_PKEY_free(pkey); *outcome = SSCARD_KEY_UNREADABLE; return NULL; }
    key->pkey = pkey;
    *outcome = SSCARD_KEY_OK;
    return key;
}

sscard_key *sscard_key_generate(int sm2) {
    EVP_PKEY *pkey = sm2 ? EVP_PKEY_Q_keygen(NULL, NULL, "SM2") : EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
    if (pkey == NULL) return NULL;
    sscard_key *key = malloc(sizeof *key);
    if (key == NULL) { EVP_PKEY_free(pkey); return NULL; }
    key->pkey = pkey;
    return key;
}

void sscard_key_free(sscard_key *key) {
    if (key == NULL) return;
    EVP_PKEY_free(key->pkey);
    free(key);
}

int sscard_key_is_sm2(const sscard_key *key) { return pkey_is_sm2(key->pkey); }

// Keys are encrypted with scrypt (N=2^14, r=8, p=1: what `openssl pkcs8 -topk8 -scrypt`
// uses) and AES-256-CBC: a stolen key folder costs 16 MiB and tens of milliseconds a guess,
// where PBKDF2 with OpenSSL's 2,048 iterations cost a microsecond.
char *sscard_key_write(const sscard_key *key, const char *password, size_t *length) {
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL) return NULL;
    int written = 0;
    if (password == NULL) {
        written = PEM_write_bio_PKCS8PrivateKey(bio, key->pkey, NULL, NULL, 0, NULL, NULL) == 1;
    } else {
        PKCS8_PRIV_KEY_INFO *info = EVP_PKEY2PKCS8(key->pkey);
        X509_ALGOR *algorithm = PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), NULL, 0, NULL, 1 << 14, 8, 1);
        X509_SIG *sealed = info && algorithm ? PKCS8_set0_pbe(password, (int)strlen(password), info, algorithm) : NULL;
        if (sealed == NULL) X509_ALGOR_free(algorithm);
        written = sealed != NULL && PEM_write_bio_PKCS8(bio, sealed) == 1;
        X509_SIG_free(sealed);
        PKCS8_PRIV_KEY_INFO_free(info);
    }
    if (!written) {
        BIO_free(bio);
        ERR_clear_error();
        return NULL;
    }
    return bio_contents(bio, length);
}

int sscard_sign(const sscard_key *key, const uint8_t *data, size_t length, uint8_t *signature, size_t capacity) {
    EVP_PKEY_CTX *sm2_context = NULL;
    EVP_MD_CTX *context = digest_context(key->pkey, 1, &sm2_context);
    if (context == NULL) return -1;
    size_t size = capacity;
    int ok = EVP_DigestSign(context, signature, &size, data, length);
    EVP_MD_CTX_free(context);
    EVP_PKEY_CTX_free(sm2_context);
    return ok == 1 ? (int)size : -1;
}

sscard_certificate *sscard_certificate_read(const char *pem, size_t length) {
    BIO *bio = BIO_new_mem_buf(pem, (int)length);
    X509 *x509 = bio ? PEM_read_bio_X509(bio, NULL, NULL, NULL) : NULL;
    BIO_free(bio);
    ERR_clear_error();
    if (x509 == NULL) return NULL;
    sscard_certificate *certificate = malloc(sizeof *certificate);
    if (certificate == NULL) { X509_free(x509); return NULL; }
    certificate->x509 = x509;
    return certificate;
}

void sscard_certificate_free(sscard_certificate *certificate) {
    if (certificate == NULL) return;
    X509_free(certificate->x509);
    free(certificate);
}

char *sscard_certificate_write(const sscard_certificate *certificate, size_t *length) {
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL) return NULL;
    if (PEM_write_bio_X509(bio, certificate->x509) != 1) { BIO_free(bio); return NULL; }
    return bio_contents(bio, length);
}

static int add_extension(X509 *x509, X509V3_CTX *context, int nid, const char *value) {
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(NULL, context, nid, value);
    if (extension == NULL) return 0;
    int ok = X509_add_ext(x509, extension, -1);
    X509_EXTENSION_free(extension);
    return ok;
}

sscard_certificate *sscard_certificate_issue(const sscard_key *subject_key, const char *common_name,
                                             const char *organisation, const char *serial_number_attribute,
                                             const sscard_certificate *issuer, const sscard_key *issuer_key,
                                             int64_t not_before, int64_t not_after, int is_authority, uint64_t serial) {
    X509 *x509 = X509_new();
    X509_NAME *name = X509_NAME_new();
    if (x509 == NULL || name == NULL) goto fail;
    X509_set_version(x509, 2);
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(x509), serial);
    if (ASN1_TIME_set(X509_getm_notBefore(x509), (time_t)not_before) == NULL) goto fail;
    if (ASN1_TIME_set(X509_getm_notAfter(x509), (time_t)not_after) == NULL) goto fail;
    if (X509_set_pubkey(x509, subject_key->pkey) != 1) goto fail;
    if (organisation && X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, (const unsigned char *)organisation, -1, -1, 0) != 1) goto fail;
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, (const unsigned char *)common_name, -1, -1, 0) != 1) goto fail;
    if (serial_number_attribute &&
        X509_NAME_add_entry_by_txt(name, "serialNumber", MBSTRING_ASC, (const unsigned char *)serial_number_attribute, -1, -1, 0) != 1) goto fail;
    X509_set_subject_name(x509, name);
    X509_set_issuer_name(x509, issuer ? X509_get_subject_name(issuer->x509) : name);
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer ? issuer->x509 : x509, x509, NULL, NULL, 0);
    if (!add_extension(x509, &context, NID_subject_key_identifier, "hash")) goto fail;
    if (!add_extension(x509, &context, NID_authority_key_identifier, "keyid:always")) goto fail;
    if (!add_extension(x509, &context, NID_basic_constraints, is_authority ? "critical,CA:TRUE" : "critical,CA:FALSE")) goto fail;
    if (!add_extension(x509, &context, NID_key_usage, is_authority ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature")) goto fail;
    if (!is_authority && !add_extension(x509, &context, NID_ext_key_usage, "clientAuth")) goto fail;
    EVP_PKEY_CTX *sm2_context = NULL;
    EVP_MD_CTX *signing = digest_context(issuer_key->pkey, 1, &sm2_context);
    int signed_ok = signing != NULL && X509_sign_ctx(x509, signing) > 0;
    EVP_MD_CTX_free(signing);
    EVP_PKEY_CTX_free(sm2_context);
    if (!signed_ok) goto fail;
    X509_NAME_free(name);
    sscard_certificate *certificate = malloc(sizeof *certificate);
    if (certificate == NULL) { X509_free(x509); return NULL; }
    certificate->x509 = x509;
    return certificate;
fail:
    X509_NAME_free(name);
    X509_free(x509);
    ERR_clear_error();
    return NULL;
}

int sscard_verify_signature(const sscard_certificate *certificate, const uint8_t *data, size_t length,
                            const uint8_t *signature, size_t signature_length) {
    EVP_PKEY *pkey = X509_get0_pubkey(certificate->x509);
    if (pkey == NULL) return 0;
    EVP_PKEY_CTX *sm2_context = NULL;
    EVP_MD_CTX *context = digest_context(pkey, 0, &sm2_context);
    if (context == NULL) return 0;
    int ok = EVP_DigestVerify(context, signature, signature_length, data, length);
    EVP_MD_CTX_free(context);
    EVP_PKEY_CTX_free(sm2_context);
    ERR_clear_error();
    return ok == 1;
}

int sscard_key_matches(const sscard_certificate *certificate, const sscard_key *key) {
    EVP_PKEY *pkey = X509_get0_pubkey(certificate->x509);
    return pkey != NULL && EVP_PKEY_eq(pkey, key->pkey) == 1;
}

// An SM2-signed certificate is verified with the standard ID, as `openssl verify
// -vfyopt distid:1234567812345678` does.
static void use_sm2_id(X509 *x509) {
    if (X509_get_signature_nid(x509) != NID_SM2_with_SM3) return;
    ASN1_OCTET_STRING *id = ASN1_OCTET_STRING_new();
    if (id == NULL) return;
    if (ASN1_OCTET_STRING_set(id, (const unsigned char *)sm2_id, 16) != 1) { ASN1_OCTET_STRING_free(id); return; }
    X509_set0_distinguishing_id(x509, id);
}

int sscard_verify_chain(const sscard_certificate *certificate, const char *trusted, size_t trusted_length, int64_t at_time) {
    X509_STORE *store = X509_STORE_new();
    X509_STORE_CTX *context = X509_STORE_CTX_new();
    BIO *bio = BIO_new_mem_buf(trusted, (int)trusted_length);
    int result = X509_V_ERR_UNSPECIFIED;
    if (store == NULL || context == NULL || bio == NULL) goto done;
    X509 *authority;
    while ((authority = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL) {
        use_sm2_id(authority);
        X509_STORE_add_cert(store, authority);
        X509_free(authority);
    }
    ERR_clear_error();
    use_sm2_id(certificate->x509);
    if (X509_STORE_CTX_init(context, store, certificate->x509, NULL) != 1) goto done;
    X509_STORE_CTX_set_time(context, 0, (time_t)at_time);
    X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SSL_CLIENT);
    result = X509_verify_cert(context) == 1 ? X509_V_OK : X509_STORE_CTX_get_error(context);
done:
    BIO_free(bio);
    X509_STORE_CTX_free(context);
    X509_STORE_free(store);
    ERR_clear_error();
    return result;
}

const char *sscard_verify_error_string(int code) { return X509_verify_cert_error_string(code); }

static int name_entry(const sscard_certificate *certificate, int nid, char *out, size_t capacity) {
    X509_NAME *name = X509_get_subject_name(certificate->x509);
    int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0) return -1;
    unsigned char *text = NULL;
    int length = ASN1_STRING_to_UTF8(&text, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (length < 0 || (size_t)length >= capacity) { OPENSSL_free(text); return -1; }
    memcpy(out, text, (size_t)length);
    out[length] = 0;
    OPENSSL_free(text);
    return length;
}

int sscard_subject_serial_number(const sscard_certificate *certificate, char *out, size_t capacity) {
    return name_entry(certificate, NID_serialNumber, out, capacity);
}

int sscard_subject_common_name(const sscard_certificate *certificate, char *out, size_t capacity) {
    return name_entry(certificate, NID_commonName, out, capacity);
}

int sscard_serial_hex(const sscard_certificate *certificate, char *out, size_t capacity) {
    BIGNUM *number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate->x509), NULL);
    char *hex = number ? BN_bn2hex(number) : NULL;
    BN_free(number);
    if (hex == NULL) return -1;
    size_t length = strlen(hex);
    int ok = length < capacity;
    if (ok) memcpy(out, hex, length + 1);
    OPENSSL_free(hex);
    return ok ? (int)length : -1;
}

static int64_t seconds(const ASN1_TIME *time) {
    struct tm parts;
    if (time == NULL || ASN1_TIME_to_tm(time, &parts) != 1) return 0;
    return (int64_t)timegm(&parts);
}

int64_t sscard_not_before(const sscard_certificate *certificate) { return seconds(X509_get0_notBefore(certificate->x509)); }
int64_t sscard_not_after(const sscard_certificate *certificate) { return seconds(X509_get0_notAfter(certificate->x509)); }

int sscard_is_authority(const sscard_certificate *certificate) { return sscard_anchor_problems(certificate) == 0; }

// X509_check_ca() is 3 for a v1 self-signed certificate and 4 for keyCertSign without
// basicConstraints: both "CA" to OpenSSL, neither a trust anchor here.
int sscard_anchor_problems(const sscard_certificate *certificate) {
    X509 *x509 = certificate->x509;
    uint32_t flags = X509_get_extension_flags(x509);
    int problems = 0;
    if (X509_get_version(x509) != X509_VERSION_3) problems |= SSCARD_ANCHOR_NOT_V3;
    if ((flags & EXFLAG_BCONS) == 0 || (flags & EXFLAG_CA) == 0) problems |= SSCARD_ANCHOR_NOT_CA;
    if ((flags & EXFLAG_KUSAGE) == 0 || (X509_get_key_usage(x509) & KU_KEY_CERT_SIGN) == 0) problems |= SSCARD_ANCHOR_NO_KEY_CERT_SIGN;
    return problems;
}

int sscard_serial_is_positive(const sscard_certificate *certificate) {
    const ASN1_INTEGER *serial = X509_get0_serialNumber(certificate->x509);
    if (serial == NULL || ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER) return 0;
    BIGNUM *number = ASN1_INTEGER_to_BN(serial, NULL);
    int positive = number != NULL && !BN_is_zero(number) && !BN_is_negative(number);
    BN_free(number);
    return positive;
}

int sscard_issued_by(const sscard_certificate *certificate, const sscard_certificate *authority) {
    int issued = X509_check_issued(authority->x509, certificate->x509) == X509_V_OK;
    ERR_clear_error();
    return issued;
}

int sscard_allows_client_auth(const sscard_certificate *certificate) {
    X509 *x509 = certificate->x509;
    return (X509_get_extension_flags(x509) & EXFLAG_XKUSAGE) && (X509_get_extended_key_usage(x509) & XKU_SSL_CLIENT);
}

int sscard_certificate_is_sm2(const sscard_certificate *certificate) {
    return X509_get_signature_nid(certificate->x509) == NID_SM2_with_SM3 || pkey_is_sm2(X509_get0_pubkey(certificate->x509));
}

void sscard_free(void *pointer) { free(pointer); }
