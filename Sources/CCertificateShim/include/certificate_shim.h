#ifndef SSCARD_CERTIFICATE_SHIM_H
#define SSCARD_CERTIFICATE_SHIM_H

// A narrow C face on Debian's OpenSSL 3 (libcrypto) for unit certificates: encrypted
// PKCS#8 keys, signatures (ECDSA and RSA with SHA-256, SM2 with SM3 and the standard ID),
// X.509 chain verification and the few fields sscard reads. All X.509, ASN.1 and
// signature work is OpenSSL's; this file only calls it.

#include <stddef.h>
#include <stdint.h>

typedef struct sscard_key sscard_key;
typedef struct sscard_certificate sscard_certificate;

// Outcome of reading a private key.
enum { SSCARD_KEY_OK = 0, SSCARD_KEY_WRONG_PASSWORD = 1, SSCARD_KEY_UNREADABLE = 2 };

sscard_key *sscard_key_read(const char *pem, size_t length, const char *password, int *outcome);
sscard_key *sscard_key_generate(int sm2);
void sscard_key_free(sscard_key *key);
int sscard_key_is_sm2(const sscard_key *key);
// The key as PKCS#8 PEM, encrypted with AES-256-CBC (PBES2) under `password` unless it is
// NULL. Returns a malloc'd buffer the caller frees with sscard_free.
char *sscard_key_write(const sscard_key *key, const char *password, size_t *length);
// Signs `data`; returns the signature's length, or -1. `capacity` of 512 is enough.
int sscard_sign(const sscard_key *key, const uint8_t *data, size_t length, uint8_t *signature, size_t capacity);

sscard_certificate *sscard_certificate_read(const char *pem, size_t length);
void sscard_certificate_free(sscard_certificate *certificate);
char *sscard_certificate_write(const sscard_certificate *certificate, size_t *length);
// Issues a certificate for `subject_key`, signed by `issuer_key` (and named after
// `issuer`, or self-signed when it is NULL). A CA gets basicConstraints CA:TRUE and
// keyCertSign; a unit's allows clientAuth. `serial_number_attribute` is the subject's
// serialNumber (the unit's 统一社会信用代码), or NULL.
sscard_certificate *sscard_certificate_issue(const sscard_key *subject_key, const char *common_name,
                                             const char *organisation, const char *serial_number_attribute,
                                             const sscard_certificate *issuer, const sscard_key *issuer_key,
                                             int64_t not_before, int64_t not_after, int is_authority, uint64_t serial);

// 1 when `signature` over `data` verifies with the certificate's public key.
int sscard_verify_signature(const sscard_certificate *certificate, const uint8_t *data, size_t length,
                            const uint8_t *signature, size_t signature_length);
// 1 when the key is the certificate's own.
int sscard_key_matches(const sscard_certificate *certificate, const sscard_key *key);
// Verifies the chain to one of `trusted` (PEM certificates, concatenated) at `at_time`
// (seconds since 1970). Returns 0 (X509_V_OK) or OpenSSL's X509_V_ERR_* code.
int sscard_verify_chain(const sscard_certificate *certificate, const char *trusted, size_t trusted_length, int64_t at_time);
const char *sscard_verify_error_string(int code);

// The subject's serialNumber attribute (2.5.4.5), common name, and the certificate's
// serial number as hex; each copied into `out` (NUL-terminated). Returns the length or -1.
int sscard_subject_serial_number(const sscard_certificate *certificate, char *out, size_t capacity);
int sscard_subject_common_name(const sscard_certificate *certificate, char *out, size_t capacity);
int sscard_serial_hex(const sscard_certificate *certificate, char *out, size_t capacity);
int64_t sscard_not_before(const sscard_certificate *certificate);
int64_t sscard_not_after(const sscard_certificate *certificate);
// 1 when basicConstraints says CA:TRUE (the certificate may issue others).
int sscard_is_authority(const sscard_certificate *certificate);

/// What keeps a certificate from being a trust anchor, as bits (0: none): 1 not X.509 v3,
/// 2 no basicConstraints CA:TRUE, 4 no keyUsage with keyCertSign.
#define SSCARD_ANCHOR_NOT_V3 1
#define SSCARD_ANCHOR_NOT_CA 2
#define SSCARD_ANCHOR_NO_KEY_CERT_SIGN 4
int sscard_anchor_problems(const sscard_certificate *certificate);

/// 1 when the serial number is a positive integer (RFC 5280 4.1.2.2), else 0.
int sscard_serial_is_positive(const sscard_certificate *certificate);

/// 1 when `authority` names and keys the issuer of `certificate` (X509_check_issued).
int sscard_issued_by(const sscard_certificate *certificate, const sscard_certificate *authority);
// 1 when extendedKeyUsage names clientAuth.
int sscard_allows_client_auth(const sscard_certificate *certificate);
int sscard_certificate_is_sm2(const sscard_certificate *certificate);

void sscard_free(void *pointer);

#endif
