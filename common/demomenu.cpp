#include "demomenu.h"

using namespace Qt::StringLiterals;

namespace tableorder {

namespace {
menu::Translations names(const QString &en, const QString &zh, const QString &ja)
{
    menu::Translations out;
    if (!en.isEmpty())
        out.insert(u"en"_s, {en, {}});
    if (!zh.isEmpty())
        out.insert(u"zh"_s, {zh, {}});
    if (!ja.isEmpty())
        out.insert(u"ja"_s, {ja, {}});
    return out;
}

menu::Option option(const QString &name, Money delta, const QString &en, const QString &zh, const QString &ja)
{
    return {0, name, delta, true, names(en, zh, ja)};
}
} // namespace

menu::Translations DemoItem::translations() const
{
    return names(en, zh, ja);
}

menu::Translations DemoCategory::translations() const
{
    return names(en, zh, ja);
}

const QList<DemoOptionGroup> &demoOptionGroups()
{
    // 맵기 is optional: unchosen, the kitchen cooks it as usual (보통).
    static const QList<DemoOptionGroup> groups = {
            {u"spicy"_s,
             {0, u"맵기"_s, 0, 1,
              {option(u"순한맛"_s, 0, u"Mild"_s, u"微辣"_s, u"甘口"_s),
               option(u"보통"_s, 0, u"Medium"_s, u"中辣"_s, u"中辛"_s),
               option(u"매운맛"_s, 0, u"Hot"_s, u"特辣"_s, u"辛口"_s)},
              names(u"Spiciness"_s, u"辣度"_s, u"辛さ"_s)}},
            {u"rice"_s,
             {0, u"공기밥 추가"_s, 0, 2,
              {option(u"공기밥 1개"_s, 1000, u"One bowl of rice"_s, u"米饭一碗"_s, u"ご飯1杯"_s),
               option(u"공기밥 2개"_s, 2000, u"Two bowls of rice"_s, u"米饭两碗"_s, u"ご飯2杯"_s)},
              names(u"Extra rice"_s, u"加米饭"_s, u"ご飯追加"_s)}},
            {u"large"_s,
             {0, u"곱빼기"_s, 0, 1,
              {option(u"곱빼기"_s, 2000, u"Large portion"_s, u"加大份"_s, u"大盛り"_s)},
              names(u"Portion"_s, u"分量"_s, u"量"_s)}},
            {u"size"_s,
             {0, u"사이즈"_s, 0, 1,
              {option(u"보통"_s, 0, u"Regular"_s, u"普通"_s, u"レギュラー"_s),
               option(u"큰 사이즈"_s, 1000, u"Large"_s, u"大杯"_s, u"ラージ"_s)},
              names(u"Size"_s, u"大小"_s, u"サイズ"_s)}},
            {u"set_stew"_s,
             {0, u"찌개 선택"_s, 1, 1,
              {option(u"김치찌개"_s, 0, u"Kimchi stew"_s, u"泡菜汤"_s, u"キムチチゲ"_s),
               option(u"된장찌개"_s, 0, u"Soybean paste stew"_s, u"大酱汤"_s, u"テンジャンチゲ"_s)},
              names(u"Choose a stew"_s, u"选择汤"_s, u"チゲを選択"_s)}},
    };
    return groups;
}

const QList<DemoCategory> &demoMenu()
{
    const QStringList stew{u"spicy"_s, u"rice"_s};
    const menu::Hours weekdayLunch{{{1, 2, 3, 4, 5}, QTime(11, 0), QTime(14, 0)}};
    static const QList<DemoCategory> menu = {
            {u"식사"_s,
             {{u"김치찌개"_s, u"잘 익은 김치와 돼지고기로 끓인 찌개"_s, 9000, {u"soybean"_s, u"pork"_s},
               u"Kimchi stew"_s, u"泡菜汤"_s, u"キムチチゲ"_s, stew, {u"spicy"_s, u"best"_s}},
              {u"된장찌개"_s, u"두부와 애호박을 넣은 구수한 된장찌개"_s, 8500, {u"soybean"_s, u"wheat"_s, u"shellfish"_s},
               u"Soybean paste stew"_s, u"大酱汤"_s, u"テンジャンチゲ"_s, stew},
              {u"비빔밥"_s, u"제철 나물과 고추장, 달걀프라이"_s, 9500, {u"egg"_s, u"soybean"_s, u"wheat"_s},
               u"Bibimbap"_s, u"拌饭"_s, u"ビビンバ"_s, {}, {u"vegetarian"_s}},
              {u"돌솥비빔밥"_s, u"뜨거운 돌솥에 누룽지까지"_s, 11000, {u"egg"_s, u"soybean"_s, u"wheat"_s},
               u"Hot stone bibimbap"_s, u"石锅拌饭"_s, u"石焼ビビンバ"_s},
              {u"불고기 정식"_s, u"간장 양념 소불고기와 밥, 반찬"_s, 13000, {u"soybean"_s, u"wheat"_s, u"beef"_s},
               u"Bulgogi set"_s, u"烤牛肉套餐"_s, u"プルコギ定食"_s, {}, {u"best"_s}},
              {u"제육볶음 정식"_s, u"매콤한 돼지고기 볶음과 밥"_s, 11000, {u"soybean"_s, u"wheat"_s, u"pork"_s},
               u"Spicy pork set"_s, u"辣炒猪肉套餐"_s, u"豚肉炒め定食"_s, {}, {u"spicy"_s}},
              {u"순두부찌개"_s, u"해물과 달걀을 넣은 얼큰한 순두부"_s, 9000,
               {u"egg"_s, u"soybean"_s, u"shrimp"_s, u"shellfish"_s, u"squid"_s},
               u"Soft tofu stew"_s, u"嫩豆腐汤"_s, u"スンドゥブチゲ"_s, stew, {u"spicy"_s}},
              {u"갈비탕"_s, u"소갈비를 푹 고아 낸 맑은 국물"_s, 14000, {u"soybean"_s, u"beef"_s},
               u"Short rib soup"_s, u"排骨汤"_s, u"カルビタン"_s, {u"rice"_s}}},
             u"kitchen"_s, u"Meals"_s, u"主食"_s, u"食事"_s},
            {u"면"_s,
             {{u"물냉면"_s, u"살얼음 동동 시원한 육수"_s, 10000, {u"buckwheat"_s, u"wheat"_s, u"beef"_s, u"egg"_s},
               u"Cold buckwheat noodles"_s, u"水冷面"_s, u"水冷麺"_s, {u"large"_s}},
              {u"비빔냉면"_s, u"새콤달콤 매콤한 양념"_s, 10000, {u"buckwheat"_s, u"wheat"_s, u"soybean"_s, u"egg"_s},
               u"Spicy cold noodles"_s, u"拌冷面"_s, u"ビビン冷麺"_s, {u"large"_s}, {u"spicy"_s}},
              {u"잔치국수"_s, u"멸치 육수에 말아 낸 소면"_s, 7000, {u"wheat"_s, u"soybean"_s, u"egg"_s},
               u"Banquet noodles"_s, u"喜面"_s, u"ククス"_s, {u"large"_s}},
              {u"칼국수"_s, u"바지락 육수와 손칼국수"_s, 9000, {u"wheat"_s, u"shellfish"_s},
               u"Knife-cut noodles"_s, u"刀削面"_s, u"カルグクス"_s, {u"large"_s}},
              {u"라면"_s, u"달걀과 파를 넣은 라면"_s, 5000, {u"wheat"_s, u"soybean"_s, u"egg"_s},
               u"Ramyeon"_s, u"拉面"_s, u"ラーメン"_s, {u"spicy"_s, u"large"_s}, {u"spicy"_s}}},
             u"kitchen"_s, u"Noodles"_s, u"面类"_s, u"麺類"_s},
            {u"안주"_s,
             {{u"해물파전"_s, u"오징어와 새우가 듬뿍"_s, 16000, {u"wheat"_s, u"egg"_s, u"squid"_s, u"shrimp"_s},
               u"Seafood pancake"_s, u"海鲜葱饼"_s, u"海鮮チヂミ"_s},
              {u"김치전"_s, u"바삭하게 부친 김치전"_s, 13000, {u"wheat"_s, u"egg"_s},
               u"Kimchi pancake"_s, u"泡菜饼"_s, u"キムチチヂミ"_s},
              {u"양념치킨 (반 마리)"_s, u"달콤매콤 양념치킨"_s, 12000, {u"chicken"_s, u"wheat"_s, u"soybean"_s, u"peanut"_s},
               u"Seasoned fried chicken (half)"_s, u"调味炸鸡（半只）"_s, u"ヤンニョムチキン（ハーフ）"_s},
              {u"떡볶이"_s, u"쫄깃한 떡과 어묵, 달걀"_s, 8000, {u"wheat"_s, u"soybean"_s, u"egg"_s, u"mackerel"_s},
               u"Tteokbokki"_s, u"炒年糕"_s, u"トッポッキ"_s, {}, {u"spicy"_s}},
              {u"두부김치"_s, u"데친 두부와 볶음김치"_s, 14000, {u"soybean"_s, u"pork"_s},
               u"Tofu with kimchi"_s, u"豆腐泡菜"_s, u"豆腐キムチ"_s},
              {u"골뱅이무침"_s, u"소면을 곁들인 새콤한 골뱅이"_s, 18000, {u"shellfish"_s, u"wheat"_s, u"soybean"_s},
               u"Spicy sea snail salad"_s, u"凉拌海螺"_s, u"ツブ貝の和え物"_s, {}, {u"spicy"_s}},
              {u"모둠튀김"_s, u"새우, 오징어, 고구마 튀김"_s, 12000, {u"wheat"_s, u"egg"_s, u"shrimp"_s, u"squid"_s},
               u"Assorted fritters"_s, u"什锦油炸"_s, u"天ぷら盛り合わせ"_s}},
             u"kitchen"_s, u"Side dishes"_s, u"下酒菜"_s, u"おつまみ"_s},
            {u"음료"_s,
             {{u"콜라"_s, u"355ml"_s, 2000, {u"sulfites"_s}, u"Cola"_s, u"可乐"_s, u"コーラ"_s, {u"size"_s}},
              {u"사이다"_s, u"355ml"_s, 2000, {u"sulfites"_s}, u"Lemon-lime soda"_s, u"雪碧"_s, u"サイダー"_s, {u"size"_s}},
              {u"식혜"_s, u"직접 만든 전통 식혜"_s, 3000, {u"wheat"_s}, u"Sikhye (rice punch)"_s, u"甜米露"_s, u"シッケ"_s,
               {u"size"_s}},
              {u"소주"_s, u"360ml"_s, 5000, {u"sulfites"_s}, u"Soju"_s, u"烧酒"_s, u"焼酎"_s},
              {u"맥주"_s, u"500ml 생맥주"_s, 6000, {u"wheat"_s, u"sulfites"_s}, u"Draft beer"_s, u"生啤酒"_s, u"生ビール"_s,
               {u"size"_s}},
              {u"막걸리"_s, u"750ml 생막걸리"_s, 6000, {u"wheat"_s, u"sulfites"_s}, u"Makgeolli"_s, u"马格利酒"_s,
               u"マッコリ"_s}},
             u"bar"_s, u"Drinks"_s, u"饮料"_s, u"飲み物"_s},
            {u"디저트"_s,
             {{u"호떡"_s, u"꿀과 견과류가 든 호떡 2개"_s, 4000, {u"wheat"_s, u"peanut"_s, u"walnut"_s, u"milk"_s},
               u"Hotteok (sweet pancakes)"_s, u"糖饼"_s, u"ホットク"_s},
              {u"팥빙수"_s, u"단팥과 떡, 연유를 올린 빙수"_s, 9000, {u"milk"_s, u"soybean"_s},
               u"Red bean shaved ice"_s, u"红豆刨冰"_s, u"パッピンス"_s},
              {u"약과 아이스크림"_s, u"바닐라 아이스크림과 약과"_s, 6000, {u"milk"_s, u"wheat"_s, u"egg"_s, u"soybean"_s},
               u"Yakgwa with ice cream"_s, u"药果冰淇淋"_s, u"薬菓アイス"_s, {}, {u"new"_s}},
              {u"수정과"_s, u"계피와 생강으로 우린 차가운 수정과"_s, 3500, {u"pine_nut"_s},
               u"Cinnamon punch"_s, u"水正果"_s, u"スジョングァ"_s}},
             u"dessert"_s, u"Desserts"_s, u"甜点"_s, u"デザート"_s},
            // Last, so that the items above keep their places in the menu's order.
            {u"오늘의 메뉴"_s,
             {{u"점심 특선 세트"_s, u"찌개 하나와 공기밥, 반찬 (평일 11:00-14:00)"_s, 8000, {u"soybean"_s, u"pork"_s, u"wheat"_s},
               u"Weekday lunch set"_s, u"工作日午餐套餐"_s, u"平日ランチセット"_s, {u"set_stew"_s, u"spicy"_s}, {u"best"_s},
               weekdayLunch},
              {u"오늘의 특선: 보쌈"_s, u"하루 20접시 한정"_s, 22000, {u"pork"_s, u"soybean"_s, u"shrimp"_s},
               u"Today's special: bossam"_s, u"今日特选：菜包肉"_s, u"本日の特選：ポッサム"_s, {}, {u"new"_s}, {},
               qint64(20)}},
             u"kitchen"_s, u"Today"_s, u"今日推荐"_s, u"本日のおすすめ"_s},
    };
    return menu;
}

} // namespace tableorder
