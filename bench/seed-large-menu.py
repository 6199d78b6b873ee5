#!/usr/bin/env python3
"""Fills a running tableorder-edge (started with --demo) up to a large menu, through the
manager API: categories of 20 items each until the store has --items items, every new item
with Korean/English/Chinese/Japanese names and descriptions, allergens, tags and three shared
option groups (맵기, 토핑, 사이즈; all optional, translated), one category in ten with lunch
hours. Then prints the size of GET /api/v1/menu raw and gzip-compressed.

    bench/seed-large-menu.py --port 18480 [--items 500] [--manager manager:manager]

Loopback only. Used by bench/run-edge-bench.sh (scenarios menu-large and orders-options)."""

import argparse
import gzip
import random
import http.client
import json
import sys
import zlib


def call(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    if response.status >= 300:
        sys.exit(f"{method} {path} -> {response.status} {payload[:300]!r}")
    return json.loads(payload) if payload else None


def tr(en, zh, ja, den=None, dzh=None, dja=None):
    out = {"en": {"name": en}, "zh": {"name": zh}, "ja": {"name": ja}}
    for lang, d in (("en", den), ("zh", dzh), ("ja", dja)):
        if d:
            out[lang]["description"] = d
    return out


GROUPS = [
    {"name": "맵기", "min_select": 0, "max_select": 1,
     "translations": tr("Spiciness", "辣度", "辛さ"),
     "options": [
         {"name": "순한맛", "price_delta": 0, "translations": tr("Mild", "微辣", "甘口")},
         {"name": "보통", "price_delta": 0, "translations": tr("Medium", "中辣", "中辛")},
         {"name": "매운맛", "price_delta": 0, "translations": tr("Hot", "特辣", "辛口")},
         {"name": "아주 매운맛", "price_delta": 500, "translations": tr("Extra hot", "超辣", "激辛")}]},
    {"name": "토핑 추가", "min_select": 0, "max_select": 3,
     "translations": tr("Extra toppings", "加料", "トッピング追加"),
     "options": [
         {"name": "치즈", "price_delta": 1500, "translations": tr("Cheese", "芝士", "チーズ")},
         {"name": "계란", "price_delta": 1000, "translations": tr("Egg", "鸡蛋", "卵")},
         {"name": "공기밥", "price_delta": 1000, "translations": tr("Rice", "米饭", "ご飯")},
         {"name": "만두 2개", "price_delta": 2000, "translations": tr("Two dumplings", "饺子两个", "餃子2個")},
         {"name": "떡", "price_delta": 1000, "translations": tr("Rice cake", "年糕", "トッポッキ餅")}]},
    {"name": "사이즈", "min_select": 0, "max_select": 1,
     "translations": tr("Size", "份量", "サイズ"),
     "options": [
         {"name": "보통", "price_delta": 0, "translations": tr("Regular", "普通", "普通")},
         {"name": "곱빼기", "price_delta": 2000, "translations": tr("Large", "加大份", "大盛り")},
         {"name": "작은 사이즈", "price_delta": -1000, "translations": tr("Small", "小份", "小盛り")}]},
]

# Names and descriptions are drawn from word lists (seeded, so every run builds the same
# menu): distinct dishes with distinct descriptions, so the compressed size is not flattered
# by 468 copies of one text.
KO_WORDS = ("얼큰한 시원한 매콤한 담백한 고소한 달콤한 진한 깔끔한 바삭한 부드러운 쫄깃한 향긋한 "
            "국내산 제철 직접 매일 아침 저녁 숯불에 구운 삶은 볶은 튀긴 우려낸 끓인 무친 절인 "
            "돼지고기 쇠고기 닭고기 오징어 새우 바지락 홍합 두부 김치 감자 애호박 버섯 대파 "
            "양파 마늘 청양고추 고춧가루 된장 고추장 간장 참기름 들기름 깨 쌀 보리 메밀 "
            "국물 육수 양념 소스 면 밥 떡 만두 전 찜 탕 구이 볶음 조림 무침 정식 세트").split()
KO_DISHES = "찌개 전골 국밥 칼국수 냉면 비빔밥 덮밥 볶음밥 수육 보쌈 족발 전 파전 떡볶이 순대 갈비 불고기 제육 닭갈비 탕수육".split()
EN_WORDS = ("spicy mild rich clear light savoury sweet crispy tender chewy fragrant local "
            "seasonal fresh daily grilled boiled stir-fried deep-fried slow-cooked braised "
            "pork beef chicken squid shrimp clams mussels tofu kimchi potato zucchini mushroom "
            "scallion onion garlic chili soybean-paste soy sesame rice barley buckwheat broth "
            "noodles dumplings pancake stew soup").split()
ZH_WORDS = "香辣 清淡 浓郁 鲜美 酥脆 软嫩 劲道 本地 时令 新鲜 烤 煮 炒 炸 炖 猪肉 牛肉 鸡肉 鱿鱼 虾 蛤蜊 豆腐 泡菜 土豆 西葫芦 蘑菇 大葱 洋葱 大蒜 辣椒 大酱 酱油 芝麻 米饭 面条 饺子 煎饼 汤".split()
JA_WORDS = "ピリ辛 あっさり 濃厚 香ばしい サクサク やわらか もちもち 国産 旬の 新鮮な 焼き 煮込み 炒め 揚げ 豚肉 牛肉 鶏肉 イカ エビ アサリ 豆腐 キムチ じゃがいも ズッキーニ きのこ ねぎ 玉ねぎ にんにく 唐辛子 味噌 醤油 ごま ご飯 麺 餃子 チヂミ スープ".split()


def words(rng, pool, n, sep=" "):
    return sep.join(rng.choice(pool) for _ in range(n))


ALLERGENS = ["egg", "milk", "soybean", "wheat", "pork", "beef", "shrimp", "shellfish", "peanut"]
TAGS = ["spicy", "vegetarian", "new", "best"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--manager", default="manager:manager")
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "::1", "localhost"):
        sys.exit("loopback only")

    conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
    user, password = args.manager.split(":", 1)
    token = call(conn, "POST", "/api/v1/auth/staff-login", {"username": user, "password": password})["token"]

    menu = call(conn, "GET", "/api/v1/menu")
    have = sum(len(c["items"]) for c in menu["categories"])
    group_ids = [call(conn, "POST", "/api/v1/menu/option-groups", g, token)["id"] for g in GROUPS]

    rng = random.Random(12)
    n = 0
    while have < args.items:
        n += 1
        category = {
            "name": f"메뉴 묶음 {n}", "display_order": 100 + n,
            "translations": tr(f"Menu group {n}", f"菜单组 {n}", f"メニュー {n}"),
        }
        if n % 10 == 0:
            category["available_hours"] = [{"days": [1, 2, 3, 4, 5], "from": "11:00", "to": "14:00"}]
        category_id = call(conn, "POST", "/api/v1/menu/categories", category, token)["id"]
        for i in range(min(20, args.items - have)):
            k = have + 1
            item = {
                "category_id": category_id,
                "name": f"{words(rng, KO_WORDS, 2)} {rng.choice(KO_DISHES)}",
                "description": words(rng, KO_WORDS, rng.randint(8, 14)),
                "price": 8000 + 500 * (k % 12),
                "display_order": i,
                "option_group_ids": group_ids,
                "allergens": sorted({ALLERGENS[k % len(ALLERGENS)], ALLERGENS[(k + 3) % len(ALLERGENS)]},
                                    key=ALLERGENS.index),
                "tags": [TAGS[k % len(TAGS)]],
                "translations": tr(
                    words(rng, EN_WORDS, 3).capitalize(), words(rng, ZH_WORDS, 3, ""), words(rng, JA_WORDS, 3, ""),
                    words(rng, EN_WORDS, rng.randint(10, 16)).capitalize() + ".",
                    words(rng, ZH_WORDS, rng.randint(8, 14), "") + "。",
                    words(rng, JA_WORDS, rng.randint(8, 14), "") + "。"),
            }
            call(conn, "POST", "/api/v1/menu/items", item, token)
            have += 1

    conn.request("GET", "/api/v1/menu")
    response = conn.getresponse()
    body = response.read()
    menu = json.loads(body)
    items = sum(len(c["items"]) for c in menu["categories"])
    print(f"RESULT scenario=menu-size items={items} categories={len(menu['categories'])} "
          f"raw_bytes={len(body)} gzip6_bytes={len(gzip.compress(body, 6))} "
          f"deflate9_bytes={len(zlib.compress(body, 9))}")


if __name__ == "__main__":
    main()
