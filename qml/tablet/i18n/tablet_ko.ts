<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AllergenChip</name>
    <message>
        <location filename="../qml/AllergenChip.qml" line="20"/>
        <source>Egg</source>
        <translation>알류(달걀)</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="21"/>
        <source>Milk</source>
        <translation>우유</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="22"/>
        <source>Buckwheat</source>
        <translation>메밀</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="23"/>
        <source>Peanut</source>
        <translation>땅콩</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="24"/>
        <source>Soybean</source>
        <translation>대두</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="25"/>
        <source>Wheat</source>
        <translation>밀</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="26"/>
        <source>Mackerel</source>
        <translation>고등어</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="27"/>
        <source>Crab</source>
        <translation>게</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="28"/>
        <source>Shrimp</source>
        <translation>새우</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="29"/>
        <source>Pork</source>
        <translation>돼지고기</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="30"/>
        <source>Peach</source>
        <translation>복숭아</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="31"/>
        <source>Tomato</source>
        <translation>토마토</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="32"/>
        <source>Sulfites</source>
        <translation>아황산류</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="33"/>
        <source>Walnut</source>
        <translation>호두</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="34"/>
        <source>Chicken</source>
        <translation>닭고기</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="35"/>
        <source>Beef</source>
        <translation>쇠고기</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="36"/>
        <source>Squid</source>
        <translation>오징어</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="37"/>
        <source>Shellfish (oyster, abalone, mussel)</source>
        <translation>조개류(굴·전복·홍합 포함)</translation>
    </message>
    <message>
        <location filename="../qml/AllergenChip.qml" line="38"/>
        <source>Pine nut</source>
        <translation>잣</translation>
    </message>
</context>
<context>
    <name>AllergenFilter</name>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="26"/>
        <source>Hide dishes that contain</source>
        <translation>이 성분이 든 메뉴 숨기기</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="35"/>
        <source>Based on the restaurant&apos;s labels. Please tell staff about serious allergies.</source>
        <translation>매장의 표시 기준입니다. 심한 알레르기는 직원에게 꼭 알려 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="68"/>
        <source>Show all dishes</source>
        <translation>모든 메뉴 보기</translation>
    </message>
    <message>
        <location filename="../qml/AllergenFilter.qml" line="76"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>BillSheet</name>
    <message>
        <location filename="../qml/BillSheet.qml" line="28"/>
        <source>Table %1 tablet</source>
        <translation>%1번 테이블 태블릿</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="30"/>
        <location filename="../qml/BillSheet.qml" line="35"/>
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="35"/>
        <location filename="../qml/BillSheet.qml" line="37"/>
        <location filename="../qml/BillSheet.qml" line="38"/>
        <source>Canceled</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="37"/>
        <source>the order was canceled</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="42"/>
        <source>The split could not be worked out: the tablet cannot reach the restaurant&apos;s system just now.</source>
        <translation>나눠 낼 금액을 계산하지 못했어요. 태블릿이 지금 가게 시스템에 연결되지 않았어요.</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="44"/>
        <source>The bill has just changed. Please check who had each item.</source>
        <translation>계산서가 방금 바뀌었어요. 메뉴마다 누가 드셨는지 다시 확인해 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="45"/>
        <source>The split could not be worked out just now. Please ask staff.</source>
        <translation>지금은 나눠 낼 금액을 계산하지 못했어요. 직원에게 말씀해 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="49"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="50"/>
        <source>Card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="51"/>
        <source>Bank transfer</source>
        <translation>계좌이체</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="53"/>
        <source>Other payment</source>
        <translation>기타 결제</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="65"/>
        <source>Bill</source>
        <translation>계산서</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="72"/>
        <source>Table %1</source>
        <translation>%1번 테이블</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="77"/>
        <location filename="../qml/BillSheet.qml" line="479"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="154"/>
        <source>%1 each</source>
        <translation>개당 %1</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="168"/>
        <location filename="../qml/BillSheet.qml" line="439"/>
        <source>Who had it?</source>
        <translation>누가 드셨나요?</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="190"/>
        <source>Loading the bill…</source>
        <translation>계산서를 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="190"/>
        <source>No orders yet.</source>
        <translation>아직 주문이 없어요.</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="205"/>
        <source>Discount %1%</source>
        <translation>할인 %1%</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="205"/>
        <source>Discount</source>
        <translation>할인</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="237"/>
        <location filename="../qml/BillSheet.qml" line="250"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="472"/>
        <source>Not chosen yet</source>
        <translation>아직 안 정함</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="222"/>
        <source>Paid</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="243"/>
        <source>Paid so far</source>
        <translation>결제한 금액</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="250"/>
        <source>Left to pay</source>
        <translation>남은 금액</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/BillSheet.qml" line="304"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n명</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="304"/>
        <source>Off</source>
        <translation>안 함</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="168"/>
        <location filename="../qml/BillSheet.qml" line="329"/>
        <location filename="../qml/BillSheet.qml" line="366"/>
        <location filename="../qml/BillSheet.qml" line="462"/>
        <source>Person %1</source>
        <translation>%1번째 분</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="274"/>
        <source>Split the bill</source>
        <translation>나눠 내기</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="284"/>
        <source>Evenly</source>
        <translation>똑같이</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="291"/>
        <source>By items</source>
        <translation>메뉴별로</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="336"/>
        <source>In whole won; what is left over is on the first share.</source>
        <translation>원 단위로 나누고, 남는 금액은 첫 번째 분에 더했어요.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/BillSheet.qml" line="347"/>
        <source>%n item(s) not chosen yet: tap “Who had it?” on each line.</source>
        <translation>
            <numerusform>아직 %n개 메뉴가 정해지지 않았어요. 메뉴마다 ‘누가 드셨나요?’를 눌러 주세요.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="374"/>
        <source>Each pays for what they had; discounts and payments so far are shared the same way.</source>
        <translation>드신 만큼 내요. 할인과 이미 낸 금액도 같은 비율로 나눴어요.</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="397"/>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="405"/>
        <source>The bill could not be loaded just now. It is shown as it was last read.</source>
        <translation>지금 계산서를 불러오지 못했어요. 마지막으로 받은 내용을 보여 드려요.</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="417"/>
        <source>Staff has been asked for the bill</source>
        <translation>계산을 요청했어요</translation>
    </message>
    <message>
        <location filename="../qml/BillSheet.qml" line="417"/>
        <source>Ask staff for the bill</source>
        <translation>직원에게 계산 요청하기</translation>
    </message>
</context>
<context>
    <name>CallButton</name>
    <message>
        <location filename="../qml/CallButton.qml" line="10"/>
        <source>Call staff</source>
        <translation>직원 호출</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message numerus="yes">
        <location filename="../qml/CallDialog.qml" line="36"/>
        <source>You have called several times just now. Please try again in %n seconds.</source>
        <translation>
            <numerusform>방금 여러 번 호출하셨어요. %n초 뒤에 다시 눌러 주세요.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="38"/>
        <source>The call did not go through: the tablet cannot reach the restaurant&apos;s system. Please try again, or raise your hand for staff.</source>
        <translation>호출이 전달되지 않았어요. 태블릿이 가게 시스템에 연결되지 않았어요. 다시 눌러 주시거나 손을 들어 직원을 불러 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="40"/>
        <source>The call did not go through. Please raise your hand for staff.</source>
        <translation>호출이 전달되지 않았어요. 손을 들어 직원을 불러 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="53"/>
        <location filename="../qml/CallDialog.qml" line="161"/>
        <source>Call staff</source>
        <translation>직원 호출</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="60"/>
        <source>What do you need?</source>
        <translation>무엇이 필요하세요?</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="74"/>
        <source>Water</source>
        <translation>물</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="75"/>
        <source>Cutlery &amp; dishes</source>
        <translation>수저·식기</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="76"/>
        <source>The bill</source>
        <translation>계산</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="77"/>
        <source>Something else</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="110"/>
        <source>Staff is on the way</source>
        <translation>직원이 오고 있어요</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="110"/>
        <source>Called</source>
        <translation>호출했어요</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="132"/>
        <source>What can we bring? (optional)</source>
        <translation>필요하신 것을 적어 주세요 (선택)</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="133"/>
        <source>e.g. a child&apos;s chair</source>
        <translation>예: 아기 의자</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="152"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../qml/CallDialog.qml" line="161"/>
        <source>Calling…</source>
        <translation>호출하는 중…</translation>
    </message>
</context>
<context>
    <name>CallStatusBar</name>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="16"/>
        <source>Water</source>
        <translation>물</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="17"/>
        <source>Cutlery &amp; dishes</source>
        <translation>수저·식기</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="18"/>
        <source>The bill</source>
        <translation>계산</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="20"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="52"/>
        <source>Staff is on the way</source>
        <translation>직원이 오고 있어요</translation>
    </message>
    <message>
        <location filename="../qml/CallStatusBar.qml" line="52"/>
        <source>Staff called</source>
        <translation>호출했습니다</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/CartBar.qml" line="22"/>
        <source>%1 items in your order</source>
        <translation>주문할 메뉴 %1개</translation>
    </message>
    <message>
        <location filename="../qml/CartBar.qml" line="23"/>
        <source>Tap a dish to add it</source>
        <translation>메뉴를 눌러 담아 주세요</translation>
    </message>
    <message>
        <location filename="../qml/CartBar.qml" line="48"/>
        <source>View order</source>
        <translation>주문 확인</translation>
    </message>
</context>
<context>
    <name>CartLine</name>
    <message>
        <location filename="../qml/CartLine.qml" line="21"/>
        <source>Sold out. Please remove it.</source>
        <translation>품절되었습니다. 빼 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="22"/>
        <source>Not served at this time. Please remove it.</source>
        <translation>지금은 주문할 수 없는 시간입니다. 빼 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="23"/>
        <source>A choice ran out. Please remove it and choose again.</source>
        <translation>선택한 옵션이 품절되었습니다. 빼고 다시 골라 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/CartLine.qml" line="24"/>
        <source>The choices changed. Please remove it and choose again.</source>
        <translation>옵션이 바뀌었습니다. 빼고 다시 골라 주세요.</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <location filename="../qml/CartPanel.qml" line="23"/>
        <source>Your order</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="46"/>
        <source>Tap a dish to add it here.</source>
        <translation>메뉴를 누르면 여기에 담깁니다.</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="59"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="79"/>
        <source>Sending your order…</source>
        <translation>주문을 보내는 중…</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="80"/>
        <source>Order %1 items</source>
        <translation>%1개 주문하기</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="81"/>
        <source>Order</source>
        <translation>주문하기</translation>
    </message>
</context>
<context>
    <name>CartRestoreBar</name>
    <message>
        <location filename="../qml/CartRestoreBar.qml" line="22"/>
        <source>Cart emptied.</source>
        <translation>장바구니를 비웠습니다.</translation>
    </message>
    <message>
        <location filename="../qml/CartRestoreBar.qml" line="31"/>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
</context>
<context>
    <name>CartSheet</name>
    <message>
        <location filename="../qml/CartSheet.qml" line="22"/>
        <source>Your order</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="24"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="38"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="47"/>
        <source>Order %1 items</source>
        <translation>%1개 주문하기</translation>
    </message>
</context>
<context>
    <name>ClearCartButton</name>
    <message>
        <location filename="../qml/ClearCartButton.qml" line="10"/>
        <source>Empty cart</source>
        <translation>장바구니 비우기</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="12"/>
        <source>Not connected: the restaurant system&apos;s certificate has changed</source>
        <translation>연결 안 됨: 매장 서버의 인증서가 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="13"/>
        <source>Offline: reconnecting…</source>
        <translation>연결 끊김: 다시 연결하는 중…</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="14"/>
        <source>Staff: set this tablet up again with the new fingerprint.</source>
        <translation>직원용: 새 지문으로 이 태블릿을 다시 설정하세요.</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="16"/>
        <source>Next try in %1 s. Orders you place are kept and sent once, as soon as we are back.</source>
        <translation>%1초 후 다시 시도합니다. 주문은 보관했다가 연결되면 한 번만 보냅니다.</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="17"/>
        <source>Orders you place are kept and sent once, as soon as we are back.</source>
        <translation>주문은 보관했다가 연결되면 한 번만 보냅니다.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <location filename="../qml/FilterBar.qml" line="22"/>
        <source>Hiding %n dish(es) with the allergens you chose</source>
        <translation>
            <numerusform>선택한 알레르기 성분이 든 메뉴 %n개를 숨겼습니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/FilterBar.qml" line="35"/>
        <source>Allergy filter (%1)</source>
        <translation>알레르기 필터 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/FilterBar.qml" line="35"/>
        <source>Allergy filter</source>
        <translation>알레르기 필터</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../qml/Header.qml" line="33"/>
        <source>Table %1</source>
        <translation>%1번 테이블</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="66"/>
        <source>● Connected</source>
        <translation>● 연결됨</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="66"/>
        <source>● Offline</source>
        <translation>● 연결 끊김</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="75"/>
        <source>Phone</source>
        <translation>휴대폰 주문</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="84"/>
        <source>My orders (%1)</source>
        <translation>주문 내역 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="84"/>
        <source>My orders</source>
        <translation>주문 내역</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="103"/>
        <source>Staff: set this tablet up again?</source>
        <translation>직원용: 이 태블릿을 다시 설정할까요?</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="112"/>
        <source>The tablet forgets its table login and shows the setup screen.</source>
        <translation>테이블 로그인을 지우고 설정 화면으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="120"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="121"/>
        <source>Set up again</source>
        <translation>다시 설정</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../qml/ItemCard.qml" line="83"/>
        <source>Not now · from %1</source>
        <translation>지금은 주문 불가 · %1부터</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="84"/>
        <source>Not available now</source>
        <translation>지금은 주문 불가</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="105"/>
        <source>Only %1 left</source>
        <translation>%1개 남음</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="123"/>
        <location filename="../qml/ItemCard.qml" line="193"/>
        <source>Sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="193"/>
        <source>+ Add</source>
        <translation>+ 담기</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13"/>
        <source>Table order</source>
        <translation>테이블 주문</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../qml/MenuScreen.qml" line="88"/>
        <source>Loading the menu…</source>
        <translation>메뉴를 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../qml/MenuScreen.qml" line="113"/>
        <source>Order #%1 received. Thank you!</source>
        <translation>주문 #%1 접수되었습니다. 감사합니다!</translation>
    </message>
</context>
<context>
    <name>OptionSheet</name>
    <message>
        <location filename="../qml/OptionSheet.qml" line="26"/>
        <source>Choose 1</source>
        <translation>1개 선택</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="28"/>
        <source>Up to %1</source>
        <translation>최대 %1개</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="30"/>
        <source>Choose %1</source>
        <translation>%1개 선택</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="31"/>
        <source>Choose %1 to %2</source>
        <translation>%1~%2개 선택</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="58"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="143"/>
        <source>Contains these allergens</source>
        <translation>알레르기 유발 성분</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="144"/>
        <source>No allergens listed. Ask staff if unsure.</source>
        <translation>표시된 알레르기 성분이 없습니다. 궁금하면 직원에게 물어보세요.</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="192"/>
        <source>Required ✓</source>
        <translation>필수 ✓</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="192"/>
        <source>Required</source>
        <translation>필수</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="193"/>
        <source>Optional</source>
        <translation>선택</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="266"/>
        <source>Sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="294"/>
        <source>Request for this dish (optional)</source>
        <translation>이 메뉴 요청 사항 (선택)</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="295"/>
        <source>e.g. no onions</source>
        <translation>예: 양파 빼 주세요</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="322"/>
        <source>Not available to order right now.</source>
        <translation>지금은 주문할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="323"/>
        <source>No more left today.</source>
        <translation>오늘 준비한 수량이 모두 나갔습니다.</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="324"/>
        <source>Please choose: %1</source>
        <translation>선택해 주세요: %1</translation>
    </message>
    <message>
        <location filename="../qml/OptionSheet.qml" line="364"/>
        <source>Add · %1</source>
        <translation>담기 · %1</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../qml/OrderDialog.qml" line="45"/>
        <source>Check your order</source>
        <translation>주문을 확인해 주세요</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="62"/>
        <source>Request for the kitchen (optional)</source>
        <translation>요청 사항 (선택)</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="63"/>
        <source>e.g. less spicy, no onions</source>
        <translation>예: 덜 맵게, 양파 빼고</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="69"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="76"/>
        <source>Back</source>
        <translation>돌아가기</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="85"/>
        <source>Place order</source>
        <translation>주문하기</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="104"/>
        <source>Connection problem. Retrying…</source>
        <translation>연결이 불안정합니다. 다시 시도 중…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="105"/>
        <source>Sending your order…</source>
        <translation>주문을 보내는 중…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="117"/>
        <source>Attempt %1. Next try in %2 s. Your order is kept and will be placed only once.</source>
        <translation>%1번째 시도. %2초 후 다시 보냅니다. 주문은 보관되며 한 번만 접수됩니다.</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="143"/>
        <source>Order #%1 received</source>
        <translation>주문 #%1 접수 완료</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="163"/>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="173"/>
        <source>The order was not placed</source>
        <translation>주문이 접수되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="187"/>
        <source>Back to my order</source>
        <translation>장바구니로 돌아가기</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="119"/>
        <source>Attempt %1. Trying again now. Your order is kept and will be placed only once.</source>
        <translation>%1번째 시도. 지금 다시 보내는 중입니다. 주문은 보관되며 한 번만 접수됩니다.</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="155"/>
        <source>Order received. Waiting for the kitchen screen to confirm it…</source>
        <translation>주문 접수: 주방 화면의 확인을 기다리는 중입니다…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="154"/>
        <source>Kitchen confirmed: the kitchen has your order. Follow it under &quot;My orders&quot;.</source>
        <translation>주방 확인: 주방에서 주문을 받았습니다. &quot;주문 내역&quot;에서 확인하세요.</translation>
    </message>
</context>
<context>
    <name>OrdersSheet</name>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="78"/>
        <source>Kitchen confirmed</source>
        <translation>주방 확인</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="19"/>
        <source>Received</source>
        <translation>접수</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="20"/>
        <source>Cooking</source>
        <translation>조리 중</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="22"/>
        <source>Your food is on its way</source>
        <translation>음식이 곧 나옵니다</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="23"/>
        <source>Served</source>
        <translation>서빙 완료</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="24"/>
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="35"/>
        <source>My orders</source>
        <translation>주문 내역</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="36"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="61"/>
        <source>Order #%1</source>
        <translation>주문 #%1</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="117"/>
        <source>No orders yet.</source>
        <translation>아직 주문이 없습니다.</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="125"/>
        <source>This visit so far</source>
        <translation>지금까지 합계</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="135"/>
        <source>See the bill and split it</source>
        <translation>계산서 보기 · 나눠 내기</translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="31"/>
        <source>Order from your phone</source>
        <translation>휴대폰으로 주문하기</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="40"/>
        <source>Scan this code with your phone&apos;s camera to see the menu and order for this table on your phone.</source>
        <translation>휴대폰 카메라로 이 코드를 스캔하면 휴대폰에서 메뉴를 보고 이 테이블로 주문할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="68"/>
        <source>Ordering by phone is not available right now.</source>
        <translation>지금은 휴대폰 주문을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../qml/PhoneDialog.qml" line="74"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>QrScanView</name>
    <message>
        <location filename="../qml/QrScanView.qml" line="38"/>
        <source>Hold the manager screen&apos;s pairing QR in the square</source>
        <translation>매니저 화면의 연결 QR을 네모 안에 맞춰 주세요</translation>
    </message>
    <message>
        <location filename="../qml/QrScanView.qml" line="47"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../qml/SetupScreen.qml" line="28"/>
        <source>Set up this table&apos;s tablet</source>
        <translation>테이블 태블릿 설정</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="37"/>
        <source>For staff. The tablet remembers this until it is set up again.</source>
        <translation>직원용 화면입니다. 다시 설정할 때까지 이 정보를 기억합니다.</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="86"/>
        <source>Edge address</source>
        <translation>매장 서버 주소</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="96"/>
        <source>Certificate fingerprint (SHA-256, for https)</source>
        <translation>인증서 지문 (SHA-256, https용)</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="104"/>
        <source>Edge: %1</source>
        <translation>매장 서버: %1</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="115"/>
        <source>Table number</source>
        <translation>테이블 번호</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="123"/>
        <source>Table password</source>
        <translation>테이블 비밀번호</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="142"/>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="142"/>
        <source>Start taking orders</source>
        <translation>주문 받기 시작</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="51"/>
        <source>Pairing QR from the manager screen, or its link</source>
        <translation>매니저 화면의 연결 QR 또는 연결 링크</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="52"/>
        <source>Pairing link from the manager screen</source>
        <translation>매니저 화면의 연결 링크</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="62"/>
        <source>Scan pairing QR</source>
        <translation>연결 QR 스캔</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="70"/>
        <source>Pair</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="76"/>
        <source>Or set up by hand with the table&apos;s password:</source>
        <translation>또는 테이블 비밀번호로 직접 설정:</translation>
    </message>
</context>
<context>
    <name>TagBadge</name>
    <message>
        <location filename="../qml/TagBadge.qml" line="21"/>
        <source>Spicy</source>
        <translation>매움</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="22"/>
        <source>Vegetarian</source>
        <translation>채식</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="23"/>
        <source>New</source>
        <translation>신메뉴</translation>
    </message>
    <message>
        <location filename="../qml/TagBadge.qml" line="24"/>
        <source>Best</source>
        <translation>인기</translation>
    </message>
</context>
<context>
    <name>tableorder::tablet::TabletController</name>
    <message>
        <location filename="../tabletcontroller.cpp" line="238"/>
        <source>Enter the edge address, for example http://192.168.0.10:8080</source>
        <translation>매장 서버 주소를 입력하세요. 예: http://192.168.0.10:8080</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="240"/>
        <source>Enter a table number from 1 to 9999</source>
        <translation>테이블 번호(1~9999)를 입력하세요</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="242"/>
        <source>Enter the table&apos;s password</source>
        <translation>테이블 비밀번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="258"/>
        <source>Enter the edge&apos;s certificate fingerprint (SHA-256, 64 hex digits) that the manager screen shows</source>
        <translation>관리자 화면에 표시된 매장 서버 인증서 지문(SHA-256, 16진수 64자리)을 입력하세요</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="299"/>
        <source>The edge&apos;s certificate does not match the fingerprint: check it on the manager screen. Not connected.</source>
        <translation>매장 서버 인증서가 지문과 다릅니다. 관리자 화면에서 확인하세요. 연결하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="302"/>
        <source>Cannot reach the edge at %1</source>
        <translation>매장 서버(%1)에 연결할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="250"/>
        <source>Wrong table number or password</source>
        <translation>테이블 번호 또는 비밀번호가 틀렸습니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../tabletcontroller.cpp" line="304"/>
        <source>Too many attempts; wait %n seconds</source>
        <translation>
            <numerusform>시도가 너무 많습니다. %n초 후 다시 시도하세요</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="306"/>
        <source>The edge refused: %1</source>
        <translation>매장 서버가 거부했습니다: %1</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="334"/>
        <source>This tablet&apos;s login is no longer valid. Staff: please set it up again.</source>
        <translation>이 태블릿의 로그인이 만료되었습니다. 직원이 다시 설정해 주세요.</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="398"/>
        <source>Not served at this time: %1. Please remove it and order again.</source>
        <translation>지금은 주문할 수 없는 시간입니다: %1. 빼고 다시 주문해 주세요.</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="399"/>
        <location filename="../tabletcontroller.cpp" line="407"/>
        <source>Sold out just now: %1. Please remove it and order again.</source>
        <translation>방금 품절되었습니다: %1. 빼고 다시 주문해 주세요.</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="402"/>
        <source>This choice just ran out: %1. Please choose again and order again.</source>
        <translation>선택한 옵션이 방금 품절되었습니다: %1. 다시 골라 주문해 주세요.</translation>
    </message>
    <message numerus="yes">
        <location filename="../tabletcontroller.cpp" line="408"/>
        <source>Only %n left of %1. Please lower the quantity and order again.</source>
        <translation>
            <numerusform>%1은(는) %n개만 남았습니다. 수량을 줄여 다시 주문해 주세요.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="411"/>
        <source>Please ask a member of staff. (%1)</source>
        <translation>직원에게 문의해 주세요. (%1)</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="273"/>
        <source>This is not a pairing link from the manager screen (%1)</source>
        <translation>매니저 화면의 연결 링크가 아닙니다 (%1)</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="275"/>
        <source>This link has no table: show the pairing QR of a table on the manager screen (Tables, then the table)</source>
        <translation>테이블 정보가 없는 링크입니다. 매니저 화면(테이블 → 해당 테이블)의 연결 QR을 사용하세요</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="286"/>
        <source>This pairing QR was already used. Show a new one on the manager screen.</source>
        <translation>이미 사용된 연결 QR입니다. 매니저 화면에서 새 QR을 띄워 주세요.</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="288"/>
        <source>This pairing QR has expired or was replaced. Show a new one on the manager screen.</source>
        <translation>만료되었거나 새 QR로 바뀐 연결 QR입니다. 매니저 화면에서 새 QR을 띄워 주세요.</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="291"/>
        <source>The edge does not accept this pairing code for table %1.</source>
        <translation>매장 서버가 %1번 테이블에 이 연결 코드를 받지 않습니다.</translation>
    </message>
</context>
</TS>
