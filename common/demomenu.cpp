#include "demomenu.h"

namespace tableorder {

const QList<DemoCategory> &demoMenu()
{
    static const QList<DemoCategory> menu = {
            {QStringLiteral("식사"), {{QStringLiteral("김치찌개"), QStringLiteral("잘 익은 김치와 돼지고기로 끓인 찌개"), 9000},
                       {QStringLiteral("된장찌개"), QStringLiteral("두부와 애호박을 넣은 구수한 된장찌개"), 8500},
                       {QStringLiteral("비빔밥"), QStringLiteral("제철 나물과 고추장, 달걀프라이"), 9500},
                       {QStringLiteral("돌솥비빔밥"), QStringLiteral("뜨거운 돌솥에 누룽지까지"), 11000},
                       {QStringLiteral("불고기 정식"), QStringLiteral("간장 양념 소불고기와 밥, 반찬"), 13000},
                       {QStringLiteral("제육볶음 정식"), QStringLiteral("매콤한 돼지고기 볶음과 밥"), 11000},
                       {QStringLiteral("순두부찌개"), QStringLiteral("해물과 달걀을 넣은 얼큰한 순두부"), 9000},
                       {QStringLiteral("갈비탕"), QStringLiteral("소갈비를 푹 고아 낸 맑은 국물"), 14000}}},
            {QStringLiteral("면"), {{QStringLiteral("물냉면"), QStringLiteral("살얼음 동동 시원한 육수"), 10000},
                     {QStringLiteral("비빔냉면"), QStringLiteral("새콤달콤 매콤한 양념"), 10000},
                     {QStringLiteral("잔치국수"), QStringLiteral("멸치 육수에 말아 낸 소면"), 7000},
                     {QStringLiteral("칼국수"), QStringLiteral("바지락 육수와 손칼국수"), 9000},
                     {QStringLiteral("라면"), QStringLiteral("달걀과 파를 넣은 라면"), 5000}}},
            {QStringLiteral("안주"), {{QStringLiteral("해물파전"), QStringLiteral("오징어와 새우가 듬뿍"), 16000},
                       {QStringLiteral("김치전"), QStringLiteral("바삭하게 부친 김치전"), 13000},
                       {QStringLiteral("양념치킨 (반 마리)"), QStringLiteral("달콤매콤 양념치킨"), 12000},
                       {QStringLiteral("떡볶이"), QStringLiteral("쫄깃한 떡과 어묵, 달걀"), 8000},
                       {QStringLiteral("두부김치"), QStringLiteral("데친 두부와 볶음김치"), 14000},
                       {QStringLiteral("골뱅이무침"), QStringLiteral("소면을 곁들인 새콤한 골뱅이"), 18000},
                       {QStringLiteral("모둠튀김"), QStringLiteral("새우, 오징어, 고구마 튀김"), 12000}}},
            {QStringLiteral("음료"), {{QStringLiteral("콜라"), QStringLiteral("355ml"), 2000},
                       {QStringLiteral("사이다"), QStringLiteral("355ml"), 2000},
                       {QStringLiteral("식혜"), QStringLiteral("직접 만든 전통 식혜"), 3000},
                       {QStringLiteral("소주"), QStringLiteral("360ml"), 5000},
                       {QStringLiteral("맥주"), QStringLiteral("500ml 생맥주"), 6000},
                       {QStringLiteral("막걸리"), QStringLiteral("750ml 생막걸리"), 6000}},
             QStringLiteral("bar")},
            {QStringLiteral("디저트"), {{QStringLiteral("호떡"), QStringLiteral("꿀과 견과류가 든 호떡 2개"), 4000},
                         {QStringLiteral("팥빙수"), QStringLiteral("단팥과 떡, 연유를 올린 빙수"), 9000},
                         {QStringLiteral("약과 아이스크림"), QStringLiteral("바닐라 아이스크림과 약과"), 6000},
                         {QStringLiteral("수정과"), QStringLiteral("계피와 생강으로 우린 차가운 수정과"), 3500}},
             QStringLiteral("dessert")},
    };
    return menu;
}

} // namespace tableorder
