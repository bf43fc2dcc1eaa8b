/*
 * auth.c: who may call what.
 *
 * - Analyze and comment submission take API keys, as Perspective does:
 *   "?key=KEY" (what Coral sends) or the "X-Goog-Api-Key" header. With no
 *   key configured they are open, which suits a service on loopback.
 * - The moderation queue takes the moderator token as
 *   "Authorization: Bearer TOKEN". There is always one: serve.c generates
 *   it when none is configured.
 * - The Coral webhook is signed: HMAC-SHA256 of the raw body under the
 *   shared secret, hex, in "X-Coral-Signature: sha256=HEX" (several
 *   comma-separated signatures are accepted, as Coral sends during secret
 *   rotation).
 *
 * Secrets are compared in constant time. SHA-256 is implemented here (FIPS
 * 180-4) because the service links no crypto library and needs nothing
 * else from one.
 */
#include "server/server.h"

#include <fcntl.h>
#include <microhttpd.h>
#include <string.h>
#include <unistd.h>

int srv_secure_equal(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    /* Compare over the longer length so timing says nothing of where the
     * first difference is; a length difference still fails. */
    size_t n = la > lb ? la : lb;
    unsigned char diff = (unsigned char)(la != lb);
    for (size_t i = 0; i < n; i++) {
        unsigned char x = i < la ? (unsigned char)a[i] : 0;
        unsigned char y = i < lb ? (unsigned char)b[i] : 0;
        diff |= (unsigned char)(x ^ y);
    }
    return diff == 0;
}

int srv_auth_api_key(const srv_req *rq)
{
    const srv_config *c = &rq->s->cfg;
    if (c->n_api_keys == 0)
        return 1;
    const char *k = srv_query(rq, "key");
    if (!k)
        k = srv_header(rq, "X-Goog-Api-Key");
    if (!k || !*k)
        return 0;
    int ok = 0;
    for (size_t i = 0; i < c->n_api_keys; i++)
        ok |= srv_secure_equal(k, c->api_keys[i]);
    return ok;
}

int srv_auth_moderator(const srv_req *rq)
{
    const char *h = srv_header(rq, MHD_HTTP_HEADER_AUTHORIZATION);
    if (!h || strncmp(h, "Bearer ", 7) != 0)
        return 0;
    h += 7;
    while (*h == ' ')
        h++;
    return *h && srv_secure_equal(h, rq->s->cfg.moderator_token);
}

int srv_random_bytes(void *buf, size_t n)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r <= 0) {
            close(fd);
            return -1;
        }
        got += (size_t)r;
    }
    close(fd);
    return 0;
}

/* ---- SHA-256 ---------------------------------------------------------- */

typedef struct sha256 {
    uint32_t h[8];
    uint64_t bits;
    unsigned char buf[64];
    size_t n;
} sha256;

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(sha256 *s, const unsigned char *p)
{
    uint32_t w[64], a, b, c, d, e, f, g, h;
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
    e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
                      ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
                      ((a & b) ^ (a & c) ^ (b & c));
        h = g, g = f, f = e, e = d + t1;
        d = c, c = b, b = a, a = t1 + t2;
    }
    s->h[0] += a, s->h[1] += b, s->h[2] += c, s->h[3] += d;
    s->h[4] += e, s->h[5] += f, s->h[6] += g, s->h[7] += h;
}

static void sha256_init(sha256 *s)
{
    static const uint32_t H0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
                                   0xa54ff53a, 0x510e527f, 0x9b05688c,
                                   0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, H0, sizeof H0);
    s->bits = 0;
    s->n = 0;
}

static void sha256_update(sha256 *s, const void *data, size_t len)
{
    const unsigned char *p = data;
    s->bits += (uint64_t)len * 8;
    while (len > 0) {
        size_t take = 64 - s->n < len ? 64 - s->n : len;
        memcpy(s->buf + s->n, p, take);
        s->n += take;
        p += take;
        len -= take;
        if (s->n == 64) {
            sha256_block(s, s->buf);
            s->n = 0;
        }
    }
}

static void sha256_final(sha256 *s, unsigned char out[32])
{
    uint64_t bits = s->bits;
    unsigned char pad = 0x80;
    sha256_update(s, &pad, 1);
    pad = 0;
    while (s->n != 56)
        sha256_update(s, &pad, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_update(s, len, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)s->h[i];
    }
}

void srv_hmac_sha256(const void *key, size_t key_len, const void *msg,
                     size_t msg_len, unsigned char mac[32])
{
    unsigned char k[64] = {0}, ipad[64], opad[64], inner[32];
    sha256 s;
    if (key_len > 64) {
        sha256_init(&s);
        sha256_update(&s, key, key_len);
        sha256_final(&s, k);
    } else {
        memcpy(k, key, key_len);
    }
    for (int i = 0; i < 64; i++) {
        ipad[i] = (unsigned char)(k[i] ^ 0x36);
        opad[i] = (unsigned char)(k[i] ^ 0x5c);
    }
    sha256_init(&s);
    sha256_update(&s, ipad, 64);
    sha256_update(&s, msg, msg_len);
    sha256_final(&s, inner);
    sha256_init(&s);
    sha256_update(&s, opad, 64);
    sha256_update(&s, inner, 32);
    sha256_final(&s, mac);
}

int srv_coral_signature_ok(const char *secret, const char *header,
                           const char *body, size_t len)
{
    if (!secret || !header)
        return 0;
    unsigned char mac[32];
    char hex[65];
    srv_hmac_sha256(secret, strlen(secret), body, len, mac);
    for (int i = 0; i < 32; i++) {
        hex[2 * i] = "0123456789abcdef"[mac[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[mac[i] & 15];
    }
    hex[64] = '\0';
    int ok = 0;
    const char *p = header;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char one[80];
        if (n > 7 && n < sizeof one && strncmp(p, "sha256=", 7) == 0) {
            memcpy(one, p + 7, n - 7);
            one[n - 7] = '\0';
            /* Hex digits may come in upper case. */
            for (char *q = one; *q; q++)
                if (*q >= 'A' && *q <= 'F')
                    *q = (char)(*q - 'A' + 'a');
            ok |= srv_secure_equal(one, hex);
        }
        p += n;
    }
    return ok;
}
