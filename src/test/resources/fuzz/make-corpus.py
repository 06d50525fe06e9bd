#!/usr/bin/env python3
"""Writes the fuzz corpus (cases.jsonl and bin/) that FuzzCorpusHttpTest sends to a started central service.
Run from this folder; the output is committed, so the corpus is fixed and reviewable. Needs ImageMagick and
openssl for a few binary inputs."""
import base64, json, os, struct, subprocess, zlib

cases = []
def case(name, **kw):
    kw["name"] = name
    cases.append(kw)

def b64(b): return base64.b64encode(b).decode()
def wbin(name, data):
    with open("bin/" + name, "wb") as f: f.write(data)
    return {"$file": name}

# ---------- PNG helpers ----------
def chunk(t, data, crc=None):
    c = zlib.crc32(t + data) & 0xffffffff if crc is None else crc
    return struct.pack(">I", len(data)) + t + data + struct.pack(">I", c)
def png(w, h, colour=2, depth=8, rows=None, extra=b"", ihdr_crc=None, tail=b"", interlace=0, idat=None):
    ch = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    bpr = (w * ch * depth + 7) // 8
    raw = rows if rows is not None else b"".join(b"\x00" + bytes((x * 37 + y * 11) % 256 for x in range(bpr)) for y in range(h))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, interlace), ihdr_crc)
    if colour == 3:
        out += chunk(b"PLTE", bytes(range(0, 256)) * 3)
    out += extra + chunk(b"IDAT", zlib.compress(raw) if idat is None else idat) + chunk(b"IEND", b"") + tail
    return out

def magick(name, *args):
    path = "bin/" + name
    subprocess.run(["convert", *args, path], check=True)
    return {"$file": name}

# ---------- 1. JSON shape (intake) ----------
INTAKE = "/api/v1/intake/applications"
for raw, label in [("", "empty"), ("null", "null"), ("[]", "array"), ("{}", "empty object"), ('"text"', "string"),
                   ("123", "number"), ("true", "boolean"), ("[{}]", "array of object"), ("{", "unclosed"),
                   ("}", "closing only"), ("{\"iin\":}", "missing value"), ("{'iin':'1'}", "single quotes"),
                   ("{iin:1}", "unquoted key"), ("{\"a\":NaN}", "NaN"), ("{\"a\":Infinity}", "Infinity"),
                   ("// c\n{}", "comment"), ("{\"a\":1,}", "trailing comma"), ("[" * 5000 + "]" * 5000, "deep arrays"),
                   ("{\"a\":" * 3000 + "1" + "}" * 3000, "deep objects"), ("\ufeff{}", "BOM"), ("{\"iin\":\"1\"}garbage", "garbage after"),
                   ("\u0000", "NUL"), (" ", "space only"), ("{\"a\":1e999999}", "huge exponent"),
                   ("{\"a\":" + "9" * 5000 + "}", "5000-digit number")]:
    case("json-shape: " + label, method="POST", path=INTAKE, raw=raw, expect=400)
for f in ["iin", "surname", "givenName", "birthDate", "documentType", "reason", "currentDocument", "region",
          "registrationPoint", "feePaymentRef", "photo", "signature"]:
    case("json-shape: missing " + f, method="POST", path=INTAKE, intake={"remove": [f]}, expect=400, field=f if f not in ("currentDocument",) else None)
for tail, label in [("x", "letter"), (" {}", "second object"), ("]", "bracket"), ("\u0000", "NUL"), (" 1", "number")]:
    case("json-shape: valid body then " + label, method="POST", path=INTAKE, intake={"append": tail}, expect=400, field="body")
case("json-shape: unknown field", method="POST", path=INTAKE, intake={"set": {"extra": "x"}}, expect=400, field="extra")
case("json-shape: duplicate key", method="POST", path=INTAKE, intake={"duplicate": "surname"}, expect=400, field="surname")
case("json-shape: duplicate nested key", method="POST", path=INTAKE, intake={"duplicate": "region"}, expect=400, field="region")
for v, label in [("x", "string"), ([], "array"), (1, "number"), (None, "null")]:
    case("json-shape: currentDocument as " + label, method="POST", path=INTAKE, intake={"set": {"currentDocument": v}}, expect=400)
case("json-shape: currentDocument unknown field", method="POST", path=INTAKE, intake={"set": {"currentDocument.colour": "red"}}, expect=400)

# ---------- 2. types ----------
for f in ["iin", "surname", "givenName", "patronymic", "documentType", "reason", "region", "registrationPoint",
          "feePaymentRef", "phone", "photo", "signature", "currentDocument.number"]:
    for v, label in [(123, "number"), (1.5, "float"), (True, "boolean"), (["x"], "array"), ({"a": 1}, "object")]:
        case("types: %s as %s" % (f, label), method="POST", path=INTAKE, intake={"set": {f: v}}, expect=400, field=f)
for f in ["birthDate", "currentDocument.expiryDate"]:
    for v, label in [(19850314, "number"), ("14.03.1985", "dotted"), ("1985-02-30", "30 February"), ("", "empty"), ("1985-3-14", "short")]:
        case("types: %s as %s" % (f, label), method="POST", path=INTAKE, intake={"set": {f: v}}, expect=400, field=f)
for v, label in [("true", "string"), (1, "number"), (None, "null")]:
    case("types: handover identityChecked as " + label, method="POST", path="/api/v1/handover/Q-0000001-8", auth="clerk-astana",
         raw=json.dumps({"identityChecked": v, "oldCardSurrendered": True}), expect=400)
for v, label in [(1, "number"), (True, "boolean"), ({"a": 1}, "object")]:
    case("types: session cms as " + label, method="POST", path="/api/v1/session", raw=json.dumps({"challengeId": "$challenge", "cms": v}), expect=400, field="cms")
    case("types: session challengeId as " + label, method="POST", path="/api/v1/session", raw=json.dumps({"challengeId": v, "cms": "AAAA"}), expect=400)

# ---------- 3. encodings ----------
def raw_intake_bytes(label, before, after):
    case("encodings: " + label, method="POST", path=INTAKE, intake={"rawSurname": base64.b64encode(before).decode()}, expect=after)
for bad, label in [(b"\xc3\x28", "invalid UTF-8 pair"), (b"\xc0\xaf", "overlong slash"), (b"\xed\xa0\x80", "UTF-8 surrogate"),
                   (b"\xff\xfe", "0xFF 0xFE"), (b"\xf8\x88\x80\x80\x80", "5-byte sequence"), (b"\x80", "lone continuation"),
                   (b"\x01", "raw control character"), (b"\x00", "raw NUL"), (b"\t", "raw tab"), (b"\n", "raw newline")]:
    raw_intake_bytes(label, bad, 400)
for text, label in [("\\ud800", "lone high surrogate escape"), ("\\udc00", "lone low surrogate escape"), ("\\u0000", "NUL escape"),
                    ("\\u202eABC", "right-to-left override"), ("\\ud83d\\ude00", "emoji"), ("A" * 10000, "10000 letters"),
                    ("Ivanov", "Latin letters"), ("\\u0301", "combining mark only"), ("Аа\\u200bАа", "zero-width space")]:
    case("encodings: surname " + label, method="POST", path=INTAKE, intake={"rawSurnameJson": text})
for ctype in ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
              "application/x-www-form-urlencoded", None]:
    case("encodings: content type %s" % ctype, method="POST", path=INTAKE, intake={}, contentType=ctype or "")
case("encodings: UTF-16LE body", method="POST", path=INTAKE, rawBase64=b64('{"iin":"1"}'.encode("utf-16-le")), expect=400)
case("encodings: UTF-16 body with BOM", method="POST", path=INTAKE, rawBase64=b64('{"iin":"1"}'.encode("utf-16")), expect=400)
case("encodings: UTF-32 body", method="POST", path=INTAKE, rawBase64=b64('{"iin":"1"}'.encode("utf-32")), expect=400)
case("encodings: Latin-1 body", method="POST", path=INTAKE, rawBase64=b64('{"surname":"Müller"}'.encode("latin-1")), expect=400)
case("encodings: gzip body without header", method="POST", path=INTAKE, rawBase64=b64(zlib.compress(b'{"a":1}')), expect=400)

# ---------- 4. base64 ----------
good = b64(open("bin/small.png", "rb").read()) if os.path.exists("bin/small.png") else None
for field in ["photo", "signature"]:
    for v, label in [("*", "star"), ("=", "lone pad"), ("====", "pads only"), ("AAA", "three characters"), ("A===", "three pads"),
                     ("AA=A", "pad inside"), ("QR==", "bits after last byte"), ("data:image/png;base64,AAAA", "data URL"),
                     ("AA AA", "space"), ("AA\tAA", "tab"), ("AA\rAA", "lone CR"), ("-_-_", "URL-safe alphabet"),
                     ("%41%41%41%41", "percent-encoded"), ("AAAA" * 10 + "!", "trailing bang"), ("\u0410AAA", "Cyrillic A")]:
        case("base64: %s %s" % (field, label), method="POST", path=INTAKE, intake={"set": {field: v}}, expect=400, field=field)
    case("base64: %s empty" % field, method="POST", path=INTAKE, intake={"set": {field: ""}}, expect=400, field=field)
    case("base64: %s valid base64 of text" % field, method="POST", path=INTAKE, intake={"set": {field: b64(b"hello world!")}}, expect=400, field=field)
for v, label in [("*", "star"), ("AAA", "no padding"), ("AA=A", "pad inside"), ("", "empty")]:
    case("base64: session cms " + label, method="POST", path="/api/v1/session", raw=json.dumps({"challengeId": "$challenge", "cms": v}), expect=400, field="cms")

# ---------- 5. images ----------
def img(label, ref, field="photo", expect=None, field_named=True):
    case("images: %s %s" % (field, label), method="POST", path=INTAKE, intake={"set": {field: ref}}, expect=expect,
         field=field if (field_named and expect and expect >= 400) else None)
for w, h in [(1, 1), (1, 2), (2, 1), (300, 2), (2, 300), (300, 1), (1, 300), (15, 15), (16, 16), (4000, 3)]:
    ref = wbin("png-%dx%d.png" % (w, h), png(w, h))
    img("PNG %dx%d" % (w, h), ref, expect=201)
    img("PNG %dx%d" % (w, h), ref, field="signature", expect=201)
for colour, depth, label in [(0, 8, "grey"), (0, 1, "1-bit grey"), (0, 16, "16-bit grey"), (3, 8, "palette"), (4, 8, "grey+alpha"),
                              (6, 8, "RGBA"), (2, 16, "16-bit RGB"), (6, 16, "16-bit RGBA")]:
    img("PNG " + label, wbin("png-%s.png" % label.replace(" ", "-"), png(20, 24, colour, depth)), expect=201)
sound = png(20, 24)
img("PNG bad IHDR CRC", wbin("png-bad-ihdr-crc.png", png(20, 24, ihdr_crc=0x12345678)), expect=400)
b = bytearray(sound); b[-20] ^= 0xff
img("PNG bad IDAT CRC", wbin("png-bad-idat-crc.png", bytes(b)), expect=400)
img("PNG bad IDAT CRC", {"$file": "png-bad-idat-crc.png"}, field="signature", expect=400)
img("PNG truncated", wbin("png-truncated.png", sound[:len(sound) // 2]), expect=400)
img("PNG without IEND", wbin("png-no-iend.png", sound[:-12]), expect=400)
img("PNG bytes after IEND", wbin("png-after-iend.png", sound + b"extra"), expect=400)
img("PNG chunk after IEND", wbin("png-chunk-after-iend.png", sound + chunk(b"tEXt", b"a\x00b")), expect=400)
img("PNG bomb header 100000x100000", wbin("png-bomb.png", png(100000, 100000, rows=b"\x00" * 10)), expect=400)
img("PNG zero width", wbin("png-zero-width.png", png(0, 10, rows=b"")), expect=400)
img("PNG garbage IDAT", wbin("png-garbage-idat.png", png(20, 24, idat=b"not zlib data")), expect=400)
img("PNG short rows", wbin("png-short-rows.png", png(20, 24, rows=b"\x00\x01\x02")), expect=400)
img("PNG unknown critical chunk", wbin("png-critical.png", png(20, 24, extra=chunk(b"ZZZZ", b"x"))), expect=400)
img("PNG huge chunk length", wbin("png-huge-length.png", b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 0x7fffffff) + b"IHDR" + b"\x00" * 20), expect=400)
img("PNG signature only", wbin("png-signature-only.png", b"\x89PNG\r\n\x1a\n"), expect=400)
img("PNG bad filter byte", wbin("png-bad-filter.png", png(4, 4, rows=b"".join(b"\x09" + b"\x00" * 12 for _ in range(4)))), expect=400)
img("PNG interlaced", wbin("png-interlaced.png", magick("png-interlaced-src.png", "-size", "30x40", "gradient:red-blue", "-interlace", "PNG") and open("bin/png-interlaced-src.png", "rb").read()), expect=201)
for label, args in [("1x1", ["-size", "1x1", "xc:white"]), ("300x2", ["-size", "300x2", "xc:gray"]), ("2x300", ["-size", "2x300", "xc:gray"]),
                    ("CMYK", ["-size", "40x50", "xc:red", "-colorspace", "CMYK"]), ("grey", ["-size", "40x50", "gradient:", "-colorspace", "Gray"]),
                    ("progressive", ["-size", "60x80", "gradient:", "-interlace", "JPEG"]), ("quality 1", ["-size", "60x80", "plasma:", "-quality", "1"]),
                    ("EXIF rotated", ["-size", "60x80", "gradient:", "-orient", "RightTop"])]:
    img("JPEG " + label, magick("jpeg-%s.jpg" % label.replace(" ", "-"), *args), expect=201)
jpg = open("bin/jpeg-progressive.jpg", "rb").read()
img("JPEG truncated", wbin("jpeg-truncated.jpg", jpg[:len(jpg) // 2]), expect=400)
img("JPEG without EOI", wbin("jpeg-no-eoi.jpg", jpg[:-2]), expect=400)
img("JPEG header only", wbin("jpeg-header-only.jpg", jpg[:20]), expect=400)
img("JPEG SOI only", wbin("jpeg-soi.jpg", b"\xff\xd8\xff"), expect=400)
b = bytearray(jpg); b[len(b) // 2: len(b) // 2 + 40] = b"\xff" * 40
img("JPEG corrupted scan", wbin("jpeg-corrupt-scan.jpg", bytes(b)))
for fmt in ["gif", "bmp", "tiff", "webp", "ico", "pgm"]:
    try:
        img(fmt.upper(), magick("other.%s" % fmt, "-size", "20x20", "xc:blue"), expect=400)
    except subprocess.CalledProcessError:
        pass
img("SVG", wbin("image.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), expect=400)
img("PDF", wbin("doc.pdf", b"%PDF-1.4\n%%EOF\n"), expect=400)
img("random bytes", wbin("random.bin", bytes((i * 131 + 7) % 256 for i in range(4096))), expect=400)

# ---------- 6. CMS ----------
def session_cms(label, data, expect):
    case("cms: login " + label, method="POST", path="/api/v1/session", raw=json.dumps({"challengeId": "$challenge", "cms": b64(data)}), expect=expect)
session_cms("random bytes", bytes(range(256)), 401)
session_cms("one byte", b"\x30", 401)
session_cms("empty SEQUENCE", b"\x30\x00", 401)
session_cms("huge length", b"\x30\x84\x7f\xff\xff\xff", 401)
session_cms("indefinite length never closed", b"\x30\x80\x30\x80", 401)
session_cms("deep nesting", b"\x30\x80" * 2000, 401)
session_cms("OID of signedData only", bytes.fromhex("06092a864886f70d010702"), 401)
session_cms("signedData with no content", bytes.fromhex("300f06092a864886f70d010702a0023000"), 401)
session_cms("PEM text", b"-----BEGIN CMS-----\nMIIB\n-----END CMS-----\n", 401)
for label in ["cert", "untrusted-attached", "untrusted-detached", "nocerts", "other-content", "truncated", "envelope"]:
    path = "bin/cms-%s.der" % label
    if os.path.exists(path):
        case("cms: login " + label, method="POST", path="/api/v1/session", raw=json.dumps({"challengeId": "$challenge", "cms": {"$file": "cms-%s.der" % label}}), expect=401)
for label, body in [("cms not base64", {"document": "AAAA", "cms": "*"}), ("document not base64", {"document": "*", "cms": "AAAA"}),
                    ("document not JSON", {"document": b64(b"not json"), "cms": b64(b"\x30\x00")}),
                    ("cms garbage", {"document": b64(b"{}"), "cms": b64(bytes(range(100)))}),
                    ("empty", {}), ("cms missing", {"document": "AAAA"}), ("extra field", {"document": "AAAA", "cms": "AAAA", "x": 1}),
                    ("document number", {"document": 1, "cms": "AAAA"})]:
    case("cms: decision " + label, method="POST", path="/api/v1/applications/$claimed/decision", auth="officer-astana", raw=json.dumps(body), expect=400)
case("cms: ready report unsigned", method="POST", path="/api/v1/production/ready", raw="{}", expect=401)
case("cms: ready report bad signature header", method="POST", path="/api/v1/production/ready", raw="{}", headers={"Qujat-Signature": "***"}, expect=401)
case("cms: ready report garbage signature", method="POST", path="/api/v1/production/ready", raw="{}", headers={"Qujat-Signature": b64(bytes(range(64)))}, expect=401)

# ---------- 7. paths, queries, headers ----------
for p, exp in [("/api/v1/applications/not-a-uuid", 400), ("/api/v1/applications/1-1-1-1-1", 400), ("/api/v1/applications/%00", 400),
               ("/api/v1/applications/00000000-0000-0000-0000-000000000000", 404), ("/api/v1/applications/" + "a" * 5000, 400),
               ("/api/v1/applications/%E2%80%AE", 400), 
               ("/api/v1/queue?limit=%00", 400), ("/api/v1/queue?limit=1&limit=2", 400), ("/api/v1/queue?%ff=1", 400),
               ("/api/v1/nothing", 404), ("/api/v1/queue/../health", None), ("/API/V1/HEALTH", 404)]:
    case("paths: GET " + p[:60], method="GET", path=p, auth="officer-astana", expect=exp)
for p, exp in [("/api/v1/handover/%27%20OR%201%3D1", 404), ("/api/v1/handover/" + "Q" * 3000, 404), ("/api/v1/handover/%00", 400)]:
    case("paths: clerk GET " + p[:60], method="GET", path=p, auth="clerk-astana", expect=exp)
for h, label in [("Bearer", "Bearer alone"), ("Bearer ", "Bearer and space"), ("bearer $token", "lower-case scheme"),
                 ("Basic dXNlcjpwYXNz", "Basic"), ("Bearer " + "A" * 6000, "6000-character token"), ("Bearer $token $token", "two tokens"),
                 ("Bearer $TOKEN", "upper-cased token"), ("Bearer\t$token", "tab"), ("Bearer %00", "percent NUL"), ("Token $token", "other scheme")]:
    case("headers: Authorization " + label, method="GET", path="/api/v1/queue", headers={"Authorization": h}, expect=401)
for m in ["PUT", "DELETE", "PATCH"]:
    case("paths: %s on the queue" % m, method=m, path="/api/v1/queue", auth="officer-astana", raw="{}")
case("paths: registry feed without key", method="PUT", path="/api/v1/registry/persons/850314312017", raw="{}", expect=401)
case("paths: registry feed bad IIN", method="PUT", path="/api/v1/registry/persons/abc", raw="{}", headers={"Authorization": "Bearer $feedkey"}, expect=400)

with open("cases.jsonl", "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps({k: v for k, v in c.items() if v is not None}, ensure_ascii=False) + "\n")
print(len(cases), "cases")
