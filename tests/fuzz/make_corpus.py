#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/ (all but the
pictures image_header/*.png, *.jpg and *.webp, made once with QImage::save, and the inputs
libFuzzer found, committed as they came: crash-* files). Run it again after changing a seed.
Only the standard library: protobuf messages are written in their wire format by hand."""

import base64
import hashlib
import hmac
import json
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def write(target, name, data):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# --- json -----------------------------------------------------------------------------------
def json_corpus():
    seeds = {
        "object": '{"name":"Bulgogi","price":12000,"available":true,"note":null}',
        "nested_16": "{" + '"a":[' * 15 + "1" + "]" * 15 + "}",
        "nested_17": "{" + '"a":[' * 16 + "1" + "]" * 16 + "}",
        "brackets_in_string": '{"s":"[[[[{{{{\\"]]]]"}',
        "unicode": '{"name":"\\uD83C\\uDF5C \\u00e9 한국어","e":"\\u0000"}',
        "lone_surrogate": '{"s":"\\uD800"}',
        "invalid_utf8": b'{"s":"\xc3\x28\xff"}',
        "overlong_utf8": b'{"s":"\xc0\xaf"}',
        "numbers": '{"a":9007199254740992,"b":9007199254740993,"c":-0,"d":1.5,"e":1e308,"f":-1e309,"g":1E-400}',
        "items": '{"items":[1,-1,2.0,"3",null,true,{"x":1}],"note":"  padded  "}',
        "duplicate_keys": '{"a":1,"a":"two"}',
        "array_top": "[1,2,3]",
        "scalar_top": '"text"',
        "trailing": '{"a":1} {"b":2}',
        "bom": b'\xef\xbb\xbf{"a":1}',
        "control_chars": '{"s":"tab\\t nl\\n cr\\r"}',
        "raw_control": b'{"s":"a\x01b\nc"}',
        "unterminated": '{"s":"abc',
        "empty": "",
        "empty_object": "{}",
        "whitespace": ' \t\r\n{ "a" : [ ] } \n',
    }
    for name, text in seeds.items():
        write("json", name, text)


# --- jwt ------------------------------------------------------------------------------------
JWT_SECRET = b"k" * 32 + b"fuzz-secret"  # the fuzz target's secret
NOW = 1_700_000_000


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def token(header, claims, secret=JWT_SECRET, digest=hashlib.sha256):
    signing_input = b64url(compact(header).encode()) + b"." + b64url(compact(claims).encode())
    return signing_input + b"." + b64url(hmac.new(secret, signing_input, digest).digest())


def jwt_corpus():
    hs256 = {"alg": "HS256", "typ": "JWT"}
    claims = {"role": "table", "sub": "table:3", "tid": 3, "iat": NOW - 10, "exp": NOW + 3600}
    verify = {
        "valid": token(hs256, claims),
        "expired": token(hs256, dict(claims, exp=NOW - 1)),
        "exp_now": token(hs256, dict(claims, exp=NOW)),
        "no_exp": token(hs256, {"role": "manager"}),
        "wrong_secret": token(hs256, claims, secret=b"x" * 44),
        "hs512": token({"alg": "HS512", "typ": "JWT"}, claims, digest=hashlib.sha512),
        "alg_none": b64url(b'{"alg":"none","typ":"JWT"}') + b"." + b64url(compact(claims).encode()) + b".",
        "extra_dot": token(hs256, claims) + b".x",
        "padded_base64": token(hs256, claims) + b"==",
        "not_base64": b"eyJ!.eyJ@.#$%",
        "empty_parts": b"..",
        "leading_dot": b".abc.def",
    }
    for name, data in verify.items():
        write("jwt", "verify_" + name, b"\x00" + data)
    signed = {
        "valid": (hs256, claims),
        "fractional_exp": (hs256, dict(claims, exp=NOW + 0.5)),
        "huge_exp": (hs256, dict(claims, exp=1e300)),
        "negative_exp": (hs256, dict(claims, exp=-1e300)),
        "string_exp": (hs256, dict(claims, exp=str(NOW + 3600))),
        "alg_case": ({"alg": "hs256"}, claims),
        "header_array": ([hs256], claims),
        "claims_array": (hs256, [claims]),
    }
    for name, (header, body) in signed.items():
        write("jwt", "signed_" + name, b"\x01" + compact(header).encode() + b"\n" + compact(body).encode())
    write("jwt", "signed_raw_bytes", b"\x01\xff\xfe{\n\x00")


# --- sync_upload: UploadRequest in the protobuf wire format -----------------------------------
def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field_int(number, value):
    return varint(number << 3) + varint(value) if value else b""


def field_bytes(number, value):
    if isinstance(value, str):
        value = value.encode("utf-8")
    return varint(number << 3 | 2) + varint(len(value)) + value


def field_double(number, value):
    return varint(number << 3 | 1) + struct.pack("<d", value)


def event(seq, type_, data, schema=1, event_id=None, at="2026-11-21T10:43:02.123Z", table_id=3):
    return (field_bytes(1, event_id if event_id is not None else "00000000-0000-4000-8000-%012d" % seq)
            + field_int(2, seq) + field_int(3, schema) + field_bytes(4, type_) + field_bytes(5, at)
            + field_int(6, table_id) + field_bytes(7, data))


def order_json(id_=1, price=12000, quantity=2, total=None, status="pending", **extra):
    line_total = price * quantity
    order = {"id": id_, "number": id_, "business_date": "2026-11-21", "table_id": 3, "table_number": 3,
             "session_id": 7, "status": status,
             "items": [{"menu_item_id": 1, "name": "Bulgogi", "unit_price": price, "quantity": quantity,
                        "line_total": line_total, "station": "kitchen"}],
             "total": line_total if total is None else total, "note": "no onions", "client_order_id":
             "3b241101-e2bb-4255-8caa-b8e5f2c5b3a1", "created_at": "2026-11-21T10:43:02.123Z",
             "updated_at": "2026-11-21T10:43:02.123Z", "preparing_at": None, "completed_at": None,
             "canceled_at": None}
    order.update(extra)
    return compact(order)


def health(id_, at="2026-11-21T10:44:00.000Z", requests=120, routes=1):
    route = field_bytes(1, "POST /api/v1/orders") + field_int(2, requests) + field_int(3, 1) + field_int(4, 2) \
        + field_double(5, 3.5) + field_double(6, 12.0) + field_double(7, 40.25)
    slow = field_bytes(1, "order.insert") + field_int(2, 3) + field_double(3, 120.5)
    return (field_int(1, id_) + field_bytes(2, at) + field_int(3, 60) + field_bytes(4, route) * routes + field_int(5, 12)
            + field_int(6, 11) + field_double(7, 80.0) + field_double(14, 3.5) + field_int(15, 90_000_000)
            + field_int(16, 10_000_000_000) + field_int(17, 50_000_000_000) + field_bytes(20, slow)
            + field_bytes(23, "0.1.0"))


def upload(events=(), health_=(), totals=(), last_seq=None):
    out = b"".join(field_bytes(1, e) for e in events)
    out += field_int(2, len(events)) + field_int(3, 1500) + field_bytes(4, "0.1.0")
    out += b"".join(field_bytes(5, field_bytes(1, d) + field_int(2, n) + field_int(3, t)) for d, n, t in totals)
    out += field_int(6, 4)
    out += field_int(7, last_seq if last_seq is not None else len(events))
    out += b"".join(field_bytes(8, h) for h in health_)
    return out


def sync_corpus():
    created = event(1, "order.created", order_json())
    updated = event(2, "order.updated", order_json(status="preparing"))
    closed = event(3, "table.session_closed", compact({"session_id": 7, "table_id": 3}))
    seeds = {
        "batch": upload([created, updated, closed], [health(1)], [("2026-11-21", 1, 24000)]),
        "health_only": upload(health_=[health(1), health(2, at="2026-11-21T10:45:00.000Z")]),
        "health_bad_time": upload(health_=[health(1, at="yesterday")]),
        "health_max_requests": upload(health_=[health(1, requests=(1 << 63) - 1), health(2, requests=(1 << 63) - 1)]),
        "health_route_overflow": upload(health_=[health(1, requests=(1 << 63) - 1, routes=2)]),
        # Issue 17's fields out of every range: negative requests with counts within them,
        # negative cache hits, more memory used than there is, a CPU of NaN.
        "health_issue17_extremes": upload(health_=[health(1, requests=-5) + field_int(27, -3) + field_int(28, 1 << 62)
                                                   + field_int(29, (1 << 63) - 1) + field_int(30, 7) + field_int(31, 9_000)
                                                   + field_int(32, 1_000) + field_double(33, float("nan"))]),
        "empty": b"",
        "schema_2": upload([event(1, "order.created", order_json(), schema=2)]),
        "seq_gap": upload([event(1, "order.created", order_json()), event(3, "order.updated", order_json())]),
        "seq_zero": upload([event(0, "order.created", order_json())]),
        "seq_max": upload([event((1 << 63) - 1, "order.created", order_json()),
                           event(1 << 63, "order.updated", order_json())]),
        "no_event_id": upload([event(1, "order.created", order_json(), event_id="")]),
        "data_not_json": upload([event(1, "order.created", "{not json")]),
        "data_array": upload([event(1, "order.created", "[1,2]")]),
        "order_total_mismatch": upload([event(1, "order.created", order_json(total=1))]),
        "order_negative_price": upload([event(1, "order.created", order_json(price=-12000))]),
        "order_huge_price": upload([event(1, "order.created", order_json(price=4_611_686_018_427_387_904))]),
        "order_no_items": upload([event(1, "order.created", order_json(items=[], total=0))]),
        "order_bad_status": upload([event(1, "order.updated", order_json(status="eaten"))]),
        "order_bad_time": upload([event(1, "order.created", order_json(created_at="2026-13-45T99:99:99.999Z"))]),
        "truncated": upload([created])[:-5],
    }
    for name, data in seeds.items():
        write("sync_upload", name, data)


# --- order_input ----------------------------------------------------------------------------
def order_input_corpus():
    uuid = "3b241101-e2bb-4255-8caa-b8e5f2c5b3a1"
    seeds = {
        "valid": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 2}], "note": "no onions"},
        "fifty_lines": {"client_order_id": uuid, "items": [{"menu_item_id": i + 1, "quantity": 1} for i in range(50)]},
        "fifty_one_lines": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 1}] * 51},
        "quantity_zero": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 0}]},
        "quantity_101": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 101}]},
        "quantity_fraction": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 1.5}]},
        "quantity_string": {"client_order_id": uuid, "items": [{"menu_item_id": "1", "quantity": 1}]},
        "id_max": {"client_order_id": uuid, "items": [{"menu_item_id": 2147483647, "quantity": 100}]},
        "id_too_big": {"client_order_id": uuid, "items": [{"menu_item_id": 2147483648, "quantity": 1}]},
        "unknown_line_field": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 1, "price": 0}]},
        "unknown_field": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 1}], "total": 0},
        "note_200": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 1}], "note": "\ud55c" * 200},
        "note_201": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 1}], "note": "x" * 201},
        "note_markup": {"client_order_id": uuid, "items": [{"menu_item_id": 1, "quantity": 1}],
                        "note": "<b>x</b><img src=http://10.0.0.1/>"},
        "short_id": {"client_order_id": "abc", "items": [{"menu_item_id": 1, "quantity": 1}]},
        "items_not_array": {"client_order_id": uuid, "items": {"menu_item_id": 1}},
        "line_not_object": {"client_order_id": uuid, "items": [1]},
    }
    for name, value in seeds.items():
        write("order_input", name, compact(value))
    write("order_input", "not_json", "client_order_id=1")


# --- menu_input: first byte 0 category, 1 item -------------------------------------------------
def menu_input_corpus():
    categories = {
        "valid": {"name": "Mains", "display_order": 1, "station": "kitchen"},
        "station_bad": {"station": "Kitchen!"},
        "station_long": {"station": "a" * 33},
        "name_empty": {"name": "   "},
        "name_101": {"name": "x" * 101},
        "order_range": {"display_order": 1000001},
        "unknown": {"name": "x", "color": "red"},
    }
    for name, value in categories.items():
        write("menu_input", "category_" + name, b"\x00" + compact(value).encode())
    items = {
        "valid": {"category_id": 1, "name": "Bulgogi", "description": "beef", "price": 12000, "available": True,
                  "display_order": 2},
        "price_negative": {"price": -1},
        "price_max": {"price": 100000000},
        "price_over": {"price": 100000001},
        "price_float": {"price": 1e300},
        "description_null": {"description": None},
        "description_501": {"description": "x" * 501},
        "available_string": {"available": "yes"},
        "category_zero": {"category_id": 0},
    }
    for name, value in items.items():
        write("menu_input", "item_" + name, b"\x01" + compact(value).encode())


# --- image_header: variants of the committed pictures ------------------------------------------
def image_corpus():
    directory = os.path.join(CORPUS, "image_header")
    with open(os.path.join(directory, "small.png"), "rb") as f:
        png = f.read()
    with open(os.path.join(directory, "small.jpg"), "rb") as f:
        jpeg = f.read()
    with open(os.path.join(directory, "small.webp"), "rb") as f:
        webp = f.read()

    def png_size(width, height):
        ihdr = png[12:16] + struct.pack(">II", width, height) + png[24:29]
        return png[:12] + ihdr + struct.pack(">I", zlib.crc32(ihdr)) + png[33:]

    write("image_header", "png_7000_wide", png_size(7000, 12))
    write("image_header", "png_6000_square", png_size(6000, 6000))
    write("image_header", "png_zero_height", png_size(16, 0))
    write("image_header", "png_signature_only", png[:8])
    write("image_header", "png_truncated", png[:60])
    write("image_header", "jpeg_truncated", jpeg[: len(jpeg) // 2])
    write("image_header", "jpeg_magic_only", b"\xff\xd8\xff")
    write("image_header", "webp_header_only", webp[:16])
    write("image_header", "riff_not_webp", b"RIFF" + webp[4:8] + b"WAVE" + webp[12:])
    write("image_header", "gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    write("image_header", "empty", b"")


if __name__ == "__main__":
    json_corpus()
    jwt_corpus()
    sync_corpus()
    order_input_corpus()
    menu_input_corpus()
    image_corpus()
