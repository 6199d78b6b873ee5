<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
    <context>
        <name>AllDayPanel</name>
        <message>
            <location filename="../qml/AllDayPanel.qml" line="17" />
            <source>All day</source>
            <translation>진행 중 합계</translation>
        </message>
        <message>
            <location filename="../qml/AllDayPanel.qml" line="37" />
            <source>Nothing cooking</source>
            <translation>조리 중인 메뉴 없음</translation>
        </message>
    </context>
    <context>
        <name>Board</name>
        <message>
            <location filename="../qml/Board.qml" line="23" />
            <source>New</source>
            <translation>신규</translation>
        </message>
        <message>
            <location filename="../qml/Board.qml" line="33" />
            <source>Preparing</source>
            <translation>조리 중</translation>
        </message>
        <message>
            <location filename="../qml/Board.qml" line="43" />
            <source>Done</source>
            <translation>완료</translation>
        </message>
        <message numerus="yes">
            <source>%n ticket(s)</source>
            <translation>
                <numerusform>%n개</numerusform>
            </translation>
        </message>
        <message>
            <source>◀ %1</source>
            <translation>◀ %1</translation>
        </message>
        <message>
            <source>Page %1/%2</source>
            <translation>%1/%2쪽</translation>
        </message>
        <message>
            <source>+%1 more ▶</source>
            <translation>+%1개 더 ▶</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>되돌리기</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <location filename="../qml/LoginScreen.qml" line="25" />
            <source>Kitchen display</source>
            <translation>주방 화면</translation>
        </message>
        <message>
            <location filename="../qml/LoginScreen.qml" line="31" />
            <source>Log in with a kitchen, floor staff or manager account.</source>
            <translation>주방, 홀 직원 또는 매니저 계정으로 로그인하세요.</translation>
        </message>
        <message>
            <location filename="../qml/LoginScreen.qml" line="42" />
            <source>Edge address</source>
            <translation>매장 서버 주소</translation>
        </message>
        <message>
            <location filename="../qml/LoginScreen.qml" line="52" />
            <source>User name</source>
            <translation>아이디</translation>
        </message>
        <message>
            <location filename="../qml/LoginScreen.qml" line="60" />
            <source>Password</source>
            <translation>비밀번호</translation>
        </message>
        <message>
            <location filename="../qml/LoginScreen.qml" line="77" />
            <source>Logging in…</source>
            <translation>로그인 중…</translation>
        </message>
        <message>
            <location filename="../qml/LoginScreen.qml" line="77" />
            <source>Log in</source>
            <translation>로그인</translation>
        </message>
        <message>
            <source>Edge address, or a pairing link from the manager screen</source>
            <translation>매장 서버 주소 또는 매니저 화면의 연결 링크</translation>
        </message>
        <message>
            <source>Not a usable pairing link: %1</source>
            <translation>쓸 수 없는 연결 링크입니다: %1</translation>
        </message>
        <message>
            <source>Certificate fingerprint (SHA-256, for https)</source>
            <translation>인증서 지문 (SHA-256, https용)</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <location filename="../qml/Main.qml" line="13" />
            <source>Kitchen display</source>
            <translation>주방 화면</translation>
        </message>
    </context>
    <context>
        <name>MenuPage</name>
        <message>
            <location filename="../qml/MenuPage.qml" line="14" />
            <source>Kitchen</source>
            <translation>주방</translation>
        </message>
        <message>
            <location filename="../qml/MenuPage.qml" line="15" />
            <source>Bar</source>
            <translation>바</translation>
        </message>
        <message>
            <location filename="../qml/MenuPage.qml" line="16" />
            <source>Dessert</source>
            <translation>디저트</translation>
        </message>
        <message>
            <location filename="../qml/MenuPage.qml" line="40" />
            <source>Station:</source>
            <translation>담당:</translation>
        </message>
        <message>
            <location filename="../qml/MenuPage.qml" line="83" />
            <source>Available</source>
            <translation>판매 중</translation>
        </message>
        <message>
            <location filename="../qml/MenuPage.qml" line="83" />
            <source>SOLD OUT</source>
            <translation>품절</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <location filename="../qml/Shell.qml" line="26" />
            <source>OFFLINE: reconnecting…</source>
            <translation>연결 끊김: 다시 연결하는 중…</translation>
        </message>
        <message>
            <location filename="../qml/Shell.qml" line="28" />
            <source>Next try in %1 s. The board may be out of date; taps are kept and sent when back.</source>
            <translation>%1초 후 다시 시도합니다. 화면이 최신이 아닐 수 있습니다. 누른 내용은 연결되면 보냅니다.</translation>
        </message>
        <message>
            <location filename="../qml/Shell.qml" line="29" />
            <source>The board may be out of date; taps are kept and sent when back.</source>
            <translation>화면이 최신이 아닐 수 있습니다. 누른 내용은 연결되면 보냅니다.</translation>
        </message>
        <message>
            <location filename="../qml/Shell.qml" line="43" />
            <source>⚠ Order #%1 (table %2) was not confirmed by any kitchen screen within %3 s. Check that it is being made.</source>
            <translation>⚠ 주문 #%1 (%2번 테이블)이 %3초 동안 어느 주방 화면에서도 확인되지 않았습니다. 조리 중인지 확인하세요.</translation>
        </message>
        <message>
            <location filename="../qml/Shell.qml" line="52" />
            <source>Seen</source>
            <translation>확인</translation>
        </message>
        <message>
            <source>NOT CONNECTED: the edge's certificate is not the paired one</source>
            <translation>연결 안 됨: 서버 인증서가 페어링한 것과 다릅니다</translation>
        </message>
        <message>
            <source>Log out and log in again with the fingerprint the manager screen shows.</source>
            <translation>로그아웃한 뒤 매니저 화면에 나오는 지문으로 다시 로그인하세요.</translation>
        </message>
    </context>
    <context>
        <name>TablesPage</name>
        <message>
            <source>Phones may order ✓</source>
            <translation>휴대폰 주문 허용됨 ✓</translation>
        </message>
        <message>
            <source>Let phones order by card</source>
            <translation>카드로 휴대폰 주문 허용</translation>
        </message>
        <message>
            <source>New table code</source>
            <translation>테이블 코드 새로 만들기</translation>
        </message>
        <message>
            <source>Table %1 has a new code: print its card again.</source>
            <translation>%1번 테이블의 코드가 바뀌었습니다. 카드를 다시 인쇄하세요.</translation>
        </message>
        <message>
            <source>Give this table a new code? Its printed cards, and photos of them, stop working at once.</source>
            <translation>이 테이블의 코드를 새로 만들까요? 인쇄된 카드와 그 사진은 바로 쓸 수 없게 됩니다.</translation>
        </message>
        <message>
            <source>New code</source>
            <translation>새 코드</translation>
        </message>
        <message>
            <source>Save table cards (PDF)</source>
            <translation>테이블 카드 저장 (PDF)</translation>
        </message>
        <message>
            <source>Table cards not saved: %1</source>
            <translation>테이블 카드를 저장하지 못했습니다: %1</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>저장했습니다: %1</translation>
        </message>
        <message>
            <source>Add order</source>
            <translation>주문 추가</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="17" />
            <source>New</source>
            <translation>신규</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="18" />
            <source>Preparing</source>
            <translation>조리 중</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="19" />
            <source>Done</source>
            <translation>완료</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="20" />
            <source>Canceled</source>
            <translation>취소됨</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="41" />
            <source>Tables</source>
            <translation>테이블</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="43" />
            <source>%1 of %2 occupied</source>
            <translation>%2개 중 %1개 사용 중</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="48" />
            <source>Refresh</source>
            <translation>새로고침</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="83" />
            <source>Seated</source>
            <translation>사용 중</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="83" />
            <source>Free</source>
            <translation>빈 테이블</translation>
        </message>
        <message numerus="yes">
            <location filename="../qml/TablesPage.qml" line="97" />
            <source>%n order(s) · since %1</source>
            <translation>
                <numerusform>주문 %n건 · %1부터</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="97" />
            <source>No guests</source>
            <translation>손님 없음</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="119" />
            <source>Tap a table to see its orders</source>
            <translation>테이블을 누르면 주문이 보입니다</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="131" />
            <source>Table %1</source>
            <translation>%1번 테이블</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="152" />
            <source>Guests paid: close the table</source>
            <translation>계산 완료: 테이블 정리</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="152" />
            <source>Table is free</source>
            <translation>빈 테이블입니다</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="160" />
            <source>This visit (%1)</source>
            <translation>현재 손님 (%1)</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="160" />
            <source>History (%1)</source>
            <translation>지난 기록 (%1)</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="211" />
            <source>No orders</source>
            <translation>주문 없음</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="231" />
            <source>Close table %1?</source>
            <translation>%1번 테이블을 정리할까요?</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="235" />
            <source>Its orders move to the history and its tablet starts fresh for the next guests. Orders still cooking stay on the board.</source>
            <translation>주문은 지난 기록으로 옮겨지고 태블릿은 다음 손님을 위해 초기화됩니다. 조리 중인 주문은 화면에 남습니다.</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="240" />
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <location filename="../qml/TablesPage.qml" line="243" />
            <source>Close table</source>
            <translation>테이블 정리</translation>
        </message>
        <message>
            <source>Pair a tablet with this table (QR)</source>
            <translation>이 테이블에 태블릿 연결 (QR)</translation>
        </message>
        <message>
            <source>Paid %1</source>
            <translation>결제 %1</translation>
        </message>
        <message>
            <source>Due %1</source>
            <translation>남은 금액 %1</translation>
        </message>
        <message>
            <source>Bill and payment</source>
            <translation>계산서 · 결제</translation>
        </message>
        <message>
            <source>Move to…</source>
            <translation>자리 이동…</translation>
        </message>
        <message>
            <source>Merge in…</source>
            <translation>합석…</translation>
        </message>
        <message>
            <source>Close the table</source>
            <translation>테이블 정리</translation>
        </message>
        <message>
            <source>Pair a tablet (QR)</source>
            <translation>태블릿 연결 (QR)</translation>
        </message>
    </context>
    <context>
        <name>Ticket</name>
        <message>
            <location filename="../qml/Ticket.qml" line="58" />
            <source>T%1</source>
            <translation>%1번</translation>
        </message>
        <message>
            <location filename="../qml/Ticket.qml" line="173" />
            <source>Start ▶</source>
            <translation>조리 시작 ▶</translation>
        </message>
        <message>
            <location filename="../qml/Ticket.qml" line="173" />
            <source>Done ✓</source>
            <translation>완료 ✓</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1분</translation>
        </message>
        <message>
            <source>Reprint</source>
            <translation>재출력</translation>
        </message>
    </context>
    <context>
        <name>TicketColumn</name>
        <message>
            <location filename="../qml/TicketColumn.qml" line="73" />
            <source>No tickets</source>
            <translation>주문 없음</translation>
        </message>
    </context>
    <context>
        <name>TopBar</name>
        <message>
            <location filename="../qml/TopBar.qml" line="37" />
            <source>Edit menu</source>
            <translation>메뉴 편집</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="15" />
            <source>Kitchen</source>
            <translation>주방</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="16" />
            <source>Bar</source>
            <translation>바</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="17" />
            <source>Dessert</source>
            <translation>디저트</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="36" />
            <source>Tickets</source>
            <translation>주문</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="36" />
            <source>Tables</source>
            <translation>테이블</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="36" />
            <source>Menu</source>
            <translation>메뉴</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="46" />
            <source>Stations</source>
            <translation>담당</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="66" />
            <source>(all)</source>
            <translation>(전체)</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="76" />
            <source>● Live</source>
            <translation>● 연결됨</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="76" />
            <source>● Offline</source>
            <translation>● 연결 끊김</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="99" />
            <source>Log out (%1)</source>
            <translation>로그아웃 (%1)</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="116" />
            <source>Log out of this screen?</source>
            <translation>이 화면에서 로그아웃할까요?</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="123" />
            <source>Stay</source>
            <translation>취소</translation>
        </message>
        <message>
            <location filename="../qml/TopBar.qml" line="124" />
            <source>Log out</source>
            <translation>로그아웃</translation>
        </message>
        <message>
            <source>Floor (%1 calls)</source>
            <translation>홀 (호출 %1)</translation>
        </message>
        <message>
            <source>Floor</source>
            <translation>홀</translation>
        </message>
        <message>
            <source>Close day</source>
            <translation>영업 마감</translation>
        </message>
        <message>
            <source>Printers</source>
            <translation>프린터</translation>
        </message>
        <message>
            <source>Expo (%1 ready)</source>
            <translation>서빙 현황 (준비 %1)</translation>
        </message>
        <message>
            <source>Expo</source>
            <translation>서빙 현황</translation>
        </message>
        <message>
            <source>Kitchen times</source>
            <translation>주방 시간</translation>
        </message>
    </context>
    <context>
        <name>UndoBar</name>
        <message>
            <location filename="../qml/UndoBar.qml" line="38" />
            <source>Undo</source>
            <translation>되돌리기</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::KitchenController</name>
        <message>
            <source>Order %1 placed for table %2</source>
            <translation>%2번 테이블 주문 %1번 접수</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="116" />
            <source>Enter the edge address, for example http://192.168.0.10:8080</source>
            <translation>매장 서버 주소를 입력하세요. 예: http://192.168.0.10:8080</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="118" />
            <source>Enter your user name and password</source>
            <translation>아이디와 비밀번호를 입력하세요</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="124" />
            <source>Cannot reach the edge at %1</source>
            <translation>매장 서버(%1)에 연결할 수 없습니다</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="126" />
            <source>Wrong user name or password</source>
            <translation>아이디 또는 비밀번호가 틀렸습니다</translation>
        </message>
        <message numerus="yes">
            <location filename="../kitchencontroller.cpp" line="128" />
            <source>Too many attempts; wait %n seconds</source>
            <translation>
                <numerusform>시도가 너무 많습니다. %n초 후 다시 시도하세요</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="130" />
            <source>The edge refused: %1</source>
            <translation>매장 서버가 거부했습니다: %1</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="157" />
            <source>Your login has expired. Please log in again.</source>
            <translation>로그인이 만료되었습니다. 다시 로그인하세요.</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="277" />
            <source>Order #%1 (table %2) was canceled</source>
            <translation>주문 #%1 (%2번 테이블)이 취소되었습니다</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="392" />
            <source>Order #%1 could not be changed: %2</source>
            <translation>주문 #%1을 바꾸지 못했습니다: %2</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="478" />
            <source>Could not change the item: %1</source>
            <translation>메뉴를 바꾸지 못했습니다: %1</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="478" />
            <location filename="../kitchencontroller.cpp" line="488" />
            <location filename="../kitchencontroller.cpp" line="556" />
            <source>no connection</source>
            <translation>연결 없음</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="488" />
            <source>Could not change the station: %1</source>
            <translation>담당을 바꾸지 못했습니다: %1</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="554" />
            <source>Table %1 is free again</source>
            <translation>%1번 테이블을 정리했습니다</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="556" />
            <source>Could not close the table: %1</source>
            <translation>테이블을 정리하지 못했습니다: %1</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="606" />
            <source>#%1 started</source>
            <translation>#%1 조리 시작</translation>
        </message>
        <message>
            <location filename="../kitchencontroller.cpp" line="606" />
            <source>#%1 done</source>
            <translation>#%1 완료</translation>
        </message>
        <message>
            <source>Enter the edge's certificate fingerprint (SHA-256, 64 hex digits) that the manager screen shows</source>
            <translation>매니저 화면에 나오는 서버 인증서 지문(SHA-256, 16진수 64자리)을 입력하세요</translation>
        </message>
        <message>
            <source>The edge's certificate does not match the fingerprint: check it on the manager screen. Not connected.</source>
            <translation>서버 인증서가 지문과 맞지 않습니다: 매니저 화면에서 확인하세요. 연결하지 않았습니다.</translation>
        </message>
    </context>
    <context>
        <name>PairingDialog</name>
        <message>
            <source>Asking the edge for a code…</source>
            <translation>매장 서버에 코드를 요청하는 중…</translation>
        </message>
        <message>
            <source>This code has expired. Tap “New code”.</source>
            <translation>만료된 코드입니다. “새 코드”를 누르세요.</translation>
        </message>
        <message>
            <source>Pair a tablet with table %1</source>
            <translation>%1번 테이블에 태블릿 연결</translation>
        </message>
        <message>
            <source>On the tablet's setup screen, tap “Scan pairing QR” and hold it up to this code. The tablet joins this table; no password needed.</source>
            <translation>태블릿 설정 화면에서 “연결 QR 스캔”을 누르고 이 코드에 비추세요. 비밀번호 없이 이 테이블에 연결됩니다.</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>만료됨</translation>
        </message>
        <message>
            <source>Works once · %1 left</source>
            <translation>1회용 · %1 남음</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>코드</translation>
        </message>
        <message>
            <source>Edge</source>
            <translation>매장 서버</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>인증서</translation>
        </message>
        <message>
            <source>Copy link</source>
            <translation>링크 복사</translation>
        </message>
        <message>
            <source>New code</source>
            <translation>새 코드</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>완료</translation>
        </message>
        <message>
            <source>Next table →</source>
            <translation>다음 테이블 →</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::TablePairing</name>
        <message>
            <source>Cannot reach the edge: try again.</source>
            <translation>매장 서버에 연결할 수 없습니다. 다시 시도하세요.</translation>
        </message>
        <message>
            <source>The edge refused: %1</source>
            <translation>매장 서버가 거부했습니다: %1</translation>
        </message>
        <message>
            <source>The edge answers on this machine only (%1): tablets cannot reach it. Start it with --listen 0.0.0.0:PORT.</source>
            <translation>매장 서버가 이 컴퓨터에서만 응답합니다 (%1). 태블릿이 연결할 수 없으니 --listen 0.0.0.0:PORT 로 실행하세요.</translation>
        </message>
    </context>
    <context>
        <name>EditorHours</name>
        <message>
            <location filename="../qml/EditorHours.qml" line="14" />
            <source>Mon</source>
            <translation>월</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="14" />
            <source>Tue</source>
            <translation>화</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="14" />
            <source>Wed</source>
            <translation>수</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="14" />
            <source>Thu</source>
            <translation>목</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="14" />
            <source>Fri</source>
            <translation>금</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="14" />
            <source>Sat</source>
            <translation>토</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="14" />
            <source>Sun</source>
            <translation>일</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="20" />
            <source>Sold at all hours.</source>
            <translation>항상 판매합니다.</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="81" />
            <source>+ Add a time window</source>
            <translation>+ 판매 시간 추가</translation>
        </message>
        <message>
            <location filename="../qml/EditorHours.qml" line="87" />
            <source>An end before the start runs past midnight.</source>
            <translation>끝 시간이 시작보다 이르면 자정을 넘겨 다음 날까지입니다.</translation>
        </message>
    </context>
    <context>
        <name>EditorTranslations</name>
        <message>
            <location filename="../qml/EditorTranslations.qml" line="32" />
            <source>Name (empty: Korean)</source>
            <translation>이름 (비우면 한국어)</translation>
        </message>
        <message>
            <location filename="../qml/EditorTranslations.qml" line="41" />
            <source>Description</source>
            <translation>설명</translation>
        </message>
    </context>
    <context>
        <name>MenuEditorPage</name>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="83" />
            <source>Categories and items</source>
            <translation>분류와 메뉴</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="90" />
            <source>Option groups</source>
            <translation>옵션 그룹</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="121" />
            <source>Categories</source>
            <translation>분류</translation>
        </message>
        <message numerus="yes">
            <location filename="../qml/MenuEditorPage.qml" line="153" />
            <source>%n item(s)</source>
            <translation>
                <numerusform>메뉴 %n개</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="153" />
            <source>hours</source>
            <translation>판매 시간</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="174" />
            <source>+ New category</source>
            <translation>+ 새 분류</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="191" />
            <source>Items</source>
            <translation>메뉴</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="229" />
            <source>sold out</source>
            <translation>품절</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="230" />
            <source>%1 left</source>
            <translation>%1개 남음</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="255" />
            <source>+ New item</source>
            <translation>+ 새 메뉴</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="272" />
            <source>Option groups (shared by items)</source>
            <translation>옵션 그룹 (여러 메뉴가 함께 사용)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="297" />
            <source>required</source>
            <translation>필수</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="297" />
            <source>optional</source>
            <translation>선택 사항</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="298" />
            <source>choose %1-%2</source>
            <translation>%1~%2개 선택</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="305" />
            <source>Used by: %1</source>
            <translation>사용 메뉴: %1</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="305" />
            <source>Not used by any item</source>
            <translation>사용하는 메뉴 없음</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="315" />
            <source>+ New option group</source>
            <translation>+ 새 옵션 그룹</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="360" />
            <source>Choose a category or an item to edit it, or add a new one.</source>
            <translation>편집할 분류나 메뉴를 고르거나 새로 추가하세요.</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="361" />
            <source>Choose an option group to edit it, or add a new one.</source>
            <translation>편집할 옵션 그룹을 고르거나 새로 추가하세요.</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="370" />
            <location filename="../qml/MenuEditorPage.qml" line="489" />
            <source>Category</source>
            <translation>분류</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="370" />
            <source>New category</source>
            <translation>새 분류</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="371" />
            <source>Menu item</source>
            <translation>메뉴</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="371" />
            <source>New menu item</source>
            <translation>새 메뉴</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="372" />
            <source>Option group</source>
            <translation>옵션 그룹</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="372" />
            <source>New option group</source>
            <translation>새 옵션 그룹</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="404" />
            <location filename="../qml/MenuEditorPage.qml" line="778" />
            <source>Delete</source>
            <translation>삭제</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="412" />
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="419" />
            <source>Save</source>
            <translation>저장</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="445" />
            <location filename="../qml/MenuEditorPage.qml" line="467" />
            <location filename="../qml/MenuEditorPage.qml" line="632" />
            <source>Name (Korean, required)</source>
            <translation>이름 (한국어, 필수)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="449" />
            <location filename="../qml/MenuEditorPage.qml" line="616" />
            <source>Translations</source>
            <translation>번역</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="451" />
            <source>Selling hours (the whole category)</source>
            <translation>판매 시간 (분류 전체)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="475" />
            <source>Price (won)</source>
            <translation>가격 (원)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="485" />
            <source>Description (Korean)</source>
            <translation>설명 (한국어)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="504" />
            <source>Selling</source>
            <translation>판매</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="514" />
            <source>● On sale</source>
            <translation>● 판매 중</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="514" />
            <source>SOLD OUT</source>
            <translation>품절</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="522" />
            <source>unlimited</source>
            <translation>무제한</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="527" />
            <source>Stock (portions left)</source>
            <translation>재고 (남은 수량, 비우면 무제한)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="533" />
            <source>Unlimited</source>
            <translation>무제한으로</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="537" />
            <source>Picture</source>
            <translation>사진</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="543" />
            <source>none</source>
            <translation>없음</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="550" />
            <source>Choose a picture file…</source>
            <translation>사진 파일 선택…</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="557" />
            <source>JPEG, PNG or WebP, at most 2 MB.</source>
            <translation>JPEG, PNG, WebP 파일, 2MB 이하.</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="557" />
            <source>Save the item first, then add its picture.</source>
            <translation>메뉴를 먼저 저장한 뒤 사진을 추가하세요.</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="562" />
            <source>Option groups (tap to offer or remove)</source>
            <translation>옵션 그룹 (눌러서 추가/해제)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="579" />
            <source>No option groups yet: add them under Option groups.</source>
            <translation>옵션 그룹이 아직 없습니다. '옵션 그룹'에서 추가하세요.</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="584" />
            <source>Allergens</source>
            <translation>알레르기 유발 성분</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="599" />
            <source>Tags</source>
            <translation>태그</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="614" />
            <source>Selling hours</source>
            <translation>판매 시간</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="640" />
            <source>At least</source>
            <translation>최소 선택</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="649" />
            <source>At most</source>
            <translation>최대 선택</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="659" />
            <source>At least 1 makes the choice required (e.g. spiciness); 0 makes it optional (e.g. extra rice).</source>
            <translation>최소 1이면 꼭 골라야 하고(예: 맵기), 0이면 고르지 않아도 됩니다(예: 공기밥 추가).</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="663" />
            <source>Translations of the group's name</source>
            <translation>그룹 이름 번역</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="665" />
            <source>Options</source>
            <translation>옵션</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="690" />
            <source>Option name (Korean)</source>
            <translation>옵션 이름 (한국어)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="698" />
            <source>± won</source>
            <translation>± 원</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="708" />
            <source>On sale</source>
            <translation>판매 중</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="708" />
            <source>Sold out</source>
            <translation>품절</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="729" />
            <source>+ Add an option</source>
            <translation>+ 옵션 추가</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="742" />
            <source>Choose the item's picture</source>
            <translation>메뉴 사진 선택</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="743" />
            <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
            <translation>사진 (*.jpg *.jpeg *.png *.webp)</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="766" />
            <source>Delete the category "%1"?</source>
            <translation>분류 "%1"을(를) 삭제할까요?</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="767" />
            <source>Delete the menu item "%1"? Past orders keep their lines.</source>
            <translation>메뉴 "%1"을(를) 삭제할까요? 지난 주문 내역은 그대로 남습니다.</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="768" />
            <source>Delete the option group "%1"? Items that offer it will no longer do so.</source>
            <translation>옵션 그룹 "%1"을(를) 삭제할까요? 이 그룹을 쓰던 메뉴에서도 빠집니다.</translation>
        </message>
        <message>
            <location filename="../qml/MenuEditorPage.qml" line="775" />
            <source>Keep it</source>
            <translation>그대로 두기</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::MenuEditor</name>
        <message>
            <location filename="../menueditor.cpp" line="70" />
            <source>English</source>
            <translation>영어</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="72" />
            <source>Chinese</source>
            <translation>중국어</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="73" />
            <source>Japanese</source>
            <translation>일본어</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="113" />
            <source>The %1 name is too long (at most %2 characters).</source>
            <translation>%1 이름이 너무 깁니다 (최대 %2자).</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="115" />
            <source>The %1 description is too long (at most %2 characters).</source>
            <translation>%1 설명이 너무 깁니다 (최대 %2자).</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="142" />
            <source>At most %1 time windows.</source>
            <translation>판매 시간은 최대 %1개까지입니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="146" />
            <source>Time window %1: choose at least one day.</source>
            <translation>판매 시간 %1: 요일을 하나 이상 고르세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="150" />
            <source>Time window %1: write the times as HH:MM, for example 11:00.</source>
            <translation>판매 시간 %1: 시간을 11:00처럼 HH:MM으로 입력하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="152" />
            <source>Time window %1: the start and end times are the same.</source>
            <translation>판매 시간 %1: 시작과 끝 시간이 같습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="194" />
            <source>translation</source>
            <translation>번역</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="196" />
            <source>time window %1</source>
            <translation>판매 시간 %1</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="196" />
            <source>hours</source>
            <translation>판매 시간</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="198" />
            <source>option group</source>
            <translation>옵션 그룹</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="200" />
            <source>option %1</source>
            <translation>옵션 %1</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="202" />
            <source>options</source>
            <translation>옵션</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="204" />
            <source>name</source>
            <translation>이름</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="206" />
            <source>description</source>
            <translation>설명</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="208" />
            <source>price</source>
            <translation>가격</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="210" />
            <source>category</source>
            <translation>분류</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="212" />
            <source>stock</source>
            <translation>재고</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="214" />
            <source>number of choices</source>
            <translation>선택 개수</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="216" />
            <source>allergens</source>
            <translation>알레르기 성분</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="218" />
            <source>tags</source>
            <translation>태그</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="220" />
            <source>picture</source>
            <translation>사진</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="368" />
            <source>Egg</source>
            <translation>알류</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="368" />
            <source>Milk</source>
            <translation>우유</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="368" />
            <source>Buckwheat</source>
            <translation>메밀</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="368" />
            <source>Peanut</source>
            <translation>땅콩</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="369" />
            <source>Soybean</source>
            <translation>대두</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="369" />
            <source>Wheat</source>
            <translation>밀</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="369" />
            <source>Mackerel</source>
            <translation>고등어</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="369" />
            <source>Crab</source>
            <translation>게</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="370" />
            <source>Shrimp</source>
            <translation>새우</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="370" />
            <source>Pork</source>
            <translation>돼지고기</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="370" />
            <source>Peach</source>
            <translation>복숭아</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="370" />
            <source>Tomato</source>
            <translation>토마토</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="371" />
            <source>Sulfites</source>
            <translation>아황산류</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="371" />
            <source>Walnut</source>
            <translation>호두</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="371" />
            <source>Chicken</source>
            <translation>닭고기</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="371" />
            <source>Beef</source>
            <translation>쇠고기</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="372" />
            <source>Squid</source>
            <translation>오징어</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="372" />
            <source>Shellfish (oyster, abalone, mussel)</source>
            <translation>조개류(굴·전복·홍합 포함)</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="372" />
            <source>Pine nut</source>
            <translation>잣</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="381" />
            <source>Spicy</source>
            <translation>매운맛</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="381" />
            <source>Vegetarian</source>
            <translation>채식</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="381" />
            <source>New</source>
            <translation>신메뉴</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="382" />
            <source>Best</source>
            <translation>인기</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="464" />
            <source>Enter the category's name in Korean.</source>
            <translation>분류 이름을 한국어로 입력하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="466" />
            <location filename="../menueditor.cpp" line="478" />
            <location filename="../menueditor.cpp" line="504" />
            <source>The name is too long (at most %1 characters).</source>
            <translation>이름이 너무 깁니다 (최대 %1자).</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="476" />
            <source>Enter the menu item's name in Korean.</source>
            <translation>메뉴 이름을 한국어로 입력하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="480" />
            <source>The description is too long (at most %1 characters).</source>
            <translation>설명이 너무 깁니다 (최대 %1자).</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="482" />
            <source>Choose a category.</source>
            <translation>분류를 고르세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="485" />
            <source>Enter the price in won, from 0 to 100,000,000.</source>
            <translation>가격을 0원에서 100,000,000원 사이의 숫자로 입력하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="489" />
            <source>Stock is a number of portions from 0 to 1,000,000 (empty = unlimited).</source>
            <translation>재고는 0에서 1,000,000 사이의 수량입니다 (비우면 무제한).</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="492" />
            <location filename="../menueditor.cpp" line="771" />
            <source>An item offers at most %1 option groups.</source>
            <translation>메뉴 하나에 옵션 그룹은 최대 %1개까지입니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="502" />
            <source>Enter the option group's name in Korean.</source>
            <translation>옵션 그룹 이름을 한국어로 입력하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="507" />
            <source>A group needs at least one option.</source>
            <translation>옵션 그룹에는 옵션이 하나 이상 있어야 합니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="509" />
            <location filename="../menueditor.cpp" line="775" />
            <source>A group has at most %1 options.</source>
            <translation>옵션 그룹 하나에 옵션은 최대 %1개까지입니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="513" />
            <source>Enter how many options a guest picks: at least 0, at most 1 or more.</source>
            <translation>손님이 고르는 개수를 입력하세요: 최소 0 이상, 최대 1 이상.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="515" />
            <source>The minimum number of choices is larger than the maximum.</source>
            <translation>최소 선택 개수가 최대 선택 개수보다 큽니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="517" />
            <source>The maximum number of choices (%1) is more than the options (%2).</source>
            <translation>최대 선택 개수(%1)가 옵션 수(%2)보다 많습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="522" />
            <source>Option %1: enter its name in Korean.</source>
            <translation>옵션 %1: 이름을 한국어로 입력하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="524" />
            <source>Option %1: the name is too long (at most %2 characters).</source>
            <translation>옵션 %1: 이름이 너무 깁니다 (최대 %2자).</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="527" />
            <source>Option %1: the price change is a number of won (0, +1000 or -500).</source>
            <translation>옵션 %1: 추가 금액은 원 단위 숫자입니다 (0, 1000, -500 등).</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="529" />
            <source>Option %1: %2</source>
            <translation>옵션 %1: %2</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="552" />
            <source>Category saved.</source>
            <translation>분류를 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="592" />
            <source>Menu item saved.</source>
            <translation>메뉴를 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="624" />
            <source>Option group saved.</source>
            <translation>옵션 그룹을 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="631" />
            <source>Category deleted.</source>
            <translation>분류를 삭제했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="637" />
            <source>Menu item deleted.</source>
            <translation>메뉴를 삭제했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="643" />
            <source>Option group deleted.</source>
            <translation>옵션 그룹을 삭제했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="673" />
            <location filename="../menueditor.cpp" line="688" />
            <source>Order saved.</source>
            <translation>순서를 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="696" />
            <location filename="../menueditor.cpp" line="787" />
            <source>The picture is larger than 2 MB. Choose a smaller file.</source>
            <translation>사진이 2MB보다 큽니다. 더 작은 파일을 고르세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="698" />
            <source>The picture file could not be read.</source>
            <translation>사진 파일을 읽을 수 없습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="710" />
            <source>Picture saved.</source>
            <translation>사진을 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="746" />
            <source>The store server did not answer; nothing was saved. Check the connection and try again.</source>
            <translation>매장 서버가 응답하지 않아 저장하지 못했습니다. 연결을 확인하고 다시 시도하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="753" />
            <source>The category no longer exists (deleted on another screen?). Choose another category.</source>
            <translation>분류가 더 이상 없습니다 (다른 화면에서 삭제되었나요?). 다른 분류를 고르세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="755" />
            <source>An option group of this item no longer exists (deleted on another screen?).</source>
            <translation>이 메뉴의 옵션 그룹이 더 이상 없습니다 (다른 화면에서 삭제되었나요?).</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="757" />
            <source>The picture was refused: use a JPEG, PNG or WebP photo of at most 6000x6000 pixels.</source>
            <translation>사진을 올리지 못했습니다. 6000x6000 픽셀 이하의 JPEG, PNG, WebP 사진을 쓰세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="759" />
            <source>The store server refused the %1: %2</source>
            <translation>매장 서버가 %1 값을 받아들이지 않았습니다: %2</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="761" />
            <source>This category still has menu items. Move or delete them first.</source>
            <translation>이 분류에 아직 메뉴가 있습니다. 메뉴를 먼저 옮기거나 삭제하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="769" />
            <source>The store already has the most categories it may have (%1). Delete one first.</source>
            <translation>매장에 만들 수 있는 분류 수(%1개)가 가득 찼습니다. 먼저 하나를 삭제하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="773" />
            <source>The store already has the most menu items it may have (%1). Delete one first.</source>
            <translation>매장에 만들 수 있는 메뉴 수(%1개)가 가득 찼습니다. 먼저 하나를 삭제하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="777" />
            <source>The store already has the most option groups it may have (%1).</source>
            <translation>매장에 만들 수 있는 옵션 그룹 수(%1개)가 가득 찼습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="779" />
            <source>A limit of the store is reached (%1).</source>
            <translation>매장 한도(%1)에 도달했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="781" />
            <source>It no longer exists (deleted on another screen?). The list is up to date now.</source>
            <translation>이미 없어졌습니다 (다른 화면에서 삭제되었나요?). 목록을 새로 고쳤습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="783" />
            <source>This store's menu is managed at HQ: edit it in the HQ dashboard.</source>
            <translation>이 매장의 메뉴는 본사에서 관리합니다. 본사 대시보드에서 수정하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="785" />
            <source>Only a manager may edit the menu. Log in again as a manager.</source>
            <translation>메뉴는 매니저만 편집할 수 있습니다. 매니저로 다시 로그인하세요.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="789" />
            <source>The picture must be a JPEG, PNG or WebP file.</source>
            <translation>사진은 JPEG, PNG, WebP 파일이어야 합니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="791" />
            <source>The store server's disk is full; nothing was saved.</source>
            <translation>매장 서버의 저장 공간이 가득 차서 저장하지 못했습니다.</translation>
        </message>
        <message>
            <location filename="../menueditor.cpp" line="793" />
            <source>The store server refused the change: %1</source>
            <translation>매장 서버가 변경을 받아들이지 않았습니다: %1</translation>
        </message>
    </context>
    <context>
        <name>BillDialog</name>
        <message>
            <source>Table %1 bill</source>
            <translation>%1번 테이블 계산서</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>새로고침</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Discount: %1</source>
            <translation>할인: %1</translation>
        </message>
        <message>
            <source>Paid: %1</source>
            <translation>결제: %1</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>소계</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>할인</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>합계</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>결제됨</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>남은 금액</translation>
        </message>
        <message>
            <source>Take a payment</source>
            <translation>결제 받기</translation>
        </message>
        <message>
            <source>Amount (won)</source>
            <translation>금액 (원)</translation>
        </message>
        <message>
            <source>Send again: %1</source>
            <translation>다시 보내기: %1</translation>
        </message>
        <message>
            <source>Record %1 %2</source>
            <translation>%1 %2 결제 기록</translation>
        </message>
        <message>
            <source>Give up and check the bill</source>
            <translation>그만두고 계산서 확인</translation>
        </message>
        <message>
            <source>Recorded ✓ · another payment</source>
            <translation>기록됨 ✓ · 다른 결제 추가</translation>
        </message>
        <message>
            <source>Give a discount…</source>
            <translation>할인하기…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
    </context>
    <context>
        <name>CallsPanel</name>
        <message>
            <source>%1 s ago</source>
            <translation>%1초 전</translation>
        </message>
        <message>
            <source>%1 min %2 s ago</source>
            <translation>%1분 %2초 전</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>직원 호출</translation>
        </message>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n건 대기</numerusform>
            </translation>
        </message>
        <message>
            <source>Table %1</source>
            <translation>%1번 테이블</translation>
        </message>
        <message>
            <source>Coming: %1</source>
            <translation>가는 중: %1</translation>
        </message>
        <message>
            <source>Coming</source>
            <translation>가는 중</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>완료</translation>
        </message>
        <message>
            <source>No calls</source>
            <translation>호출 없음</translation>
        </message>
    </context>
    <context>
        <name>CloseTableDialog</name>
        <message>
            <source>Close table %1?</source>
            <translation>%1번 테이블을 정리할까요?</translation>
        </message>
        <message>
            <source>Still unpaid: %1</source>
            <translation>아직 결제 안 된 금액: %1</translation>
        </message>
        <message>
            <source>Still cooking: %1</source>
            <translation>아직 조리 중인 주문: %1</translation>
        </message>
        <message>
            <source>Everything is paid and served.</source>
            <translation>모두 결제되고 나갔습니다.</translation>
        </message>
        <message>
            <source>Its orders move to the history and its tablet starts fresh for the next guests.</source>
            <translation>주문은 지난 주문으로 옮겨지고, 태블릿은 다음 손님을 위해 새로 시작합니다.</translation>
        </message>
        <message>
            <source>The edge refused: the visit is not settled. Close it anyway only with a reason (it is recorded with your name).</source>
            <translation>정리할 수 없습니다: 아직 정산되지 않았습니다. 꼭 정리해야 하면 사유를 적으세요 (이름과 함께 기록됩니다).</translation>
        </message>
        <message>
            <source>The edge refused: the visit is not settled. Take the payment first, or ask a manager.</source>
            <translation>정리할 수 없습니다: 아직 정산되지 않았습니다. 먼저 결제를 받거나 매니저에게 요청하세요.</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>사유</translation>
        </message>
        <message>
            <source>e.g. guests left, will pay tomorrow</source>
            <translation>예: 손님이 가셨고 내일 계산</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Close table</source>
            <translation>테이블 정리</translation>
        </message>
        <message>
            <source>Close anyway</source>
            <translation>그래도 정리</translation>
        </message>
    </context>
    <context>
        <name>DayClosePage</name>
        <message>
            <source>Closed</source>
            <translation>마감됨</translation>
        </message>
        <message>
            <source>Open (running figures)</source>
            <translation>마감 전 (현재 집계)</translation>
        </message>
        <message>
            <source>Z report · closed %1 by %2</source>
            <translation>Z 리포트 · %1 마감 (%2)</translation>
        </message>
        <message>
            <source>Closed with visits unpaid: %1</source>
            <translation>미결제 테이블이 있는 채로 마감: %1</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>주문</translation>
        </message>
        <message>
            <source>Gross sales</source>
            <translation>총매출</translation>
        </message>
        <message>
            <source>Voids</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>할인</translation>
        </message>
        <message>
            <source>Net sales</source>
            <translation>순매출</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>결제됨</translation>
        </message>
        <message>
            <source>Unpaid</source>
            <translation>미결제</translation>
        </message>
        <message>
            <source>Payments by method</source>
            <translation>결제 수단별</translation>
        </message>
        <message>
            <source>Staff calls</source>
            <translation>직원 호출</translation>
        </message>
        <message>
            <source>Items sold</source>
            <translation>판매 메뉴</translation>
        </message>
        <message>
            <source>× %1</source>
            <translation>× %1</translation>
        </message>
        <message>
            <source>Nothing sold</source>
            <translation>판매 없음</translation>
        </message>
        <message>
            <source>Visits still open</source>
            <translation>아직 열린 테이블</translation>
        </message>
        <message>
            <source>Table %1</source>
            <translation>%1번 테이블</translation>
        </message>
        <message>
            <source>due %1</source>
            <translation>남은 금액 %1</translation>
        </message>
        <message>
            <source>None</source>
            <translation>없음</translation>
        </message>
        <message>
            <source>Not closed: these visits still owe money. Take their payments, or close the day anyway with a reason (it stays in the report).</source>
            <translation>마감하지 못했습니다: 아직 결제되지 않은 테이블이 있습니다. 결제를 받거나, 사유를 적고 그래도 마감하세요 (사유는 리포트에 남습니다).</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>사유</translation>
        </message>
        <message>
            <source>e.g. table 7 pays tomorrow</source>
            <translation>예: 7번 테이블 내일 계산</translation>
        </message>
        <message>
            <source>Close the day</source>
            <translation>영업 마감</translation>
        </message>
        <message>
            <source>Close the day anyway</source>
            <translation>그래도 마감</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>새로고침</translation>
        </message>
    </context>
    <context>
        <name>DiscountDialog</name>
        <message>
            <source>Discount on table %1</source>
            <translation>%1번 테이블 할인</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>원</translation>
        </message>
        <message>
            <source>Percent</source>
            <translation>%</translation>
        </message>
        <message>
            <source>Amount (won)</source>
            <translation>금액 (원)</translation>
        </message>
        <message>
            <source>Percent of the subtotal (1-100)</source>
            <translation>소계의 몇 % (1-100)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>사유</translation>
        </message>
        <message>
            <source>e.g. long wait</source>
            <translation>예: 오래 기다리심</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Give discount</source>
            <translation>할인 적용</translation>
        </message>
    </context>
    <context>
        <name>TablePicker</name>
        <message>
            <source>Move table %1's guests to which free table?</source>
            <translation>%1번 테이블 손님을 어느 빈 테이블로 옮길까요?</translation>
        </message>
        <message>
            <source>Which table joins table %1? Its orders and payments move here.</source>
            <translation>어느 테이블을 %1번 테이블에 합칠까요? 그 테이블의 주문과 결제가 이리로 옵니다.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
    </context>
    <context>
        <name>VoidDialog</name>
        <message>
            <source>Void %1 × %2 (order #%3)?</source>
            <translation>%1 × %2 (주문 #%3)을(를) 취소할까요?</translation>
        </message>
        <message>
            <source>Wrong dish</source>
            <translation>잘못 나감</translation>
        </message>
        <message>
            <source>Not ordered</source>
            <translation>주문 안 함</translation>
        </message>
        <message>
            <source>Sold out</source>
            <translation>품절</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>불만</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>사유</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Void this line</source>
            <translation>이 항목 취소</translation>
        </message>
        <message>
            <source>Void order #%1</source>
            <translation>주문 #%1 전체 취소</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::BillController</name>
        <message>
            <source>Table %1 tablet %2</source>
            <translation>%1번 테이블 태블릿 %2</translation>
        </message>
        <message>
            <source>Staff %1 %2</source>
            <translation>직원 %1 %2</translation>
        </message>
        <message>
            <source>Void: %1 (%2)</source>
            <translation>취소: %1 (%2)</translation>
        </message>
        <message>
            <source>Void: %1 (%2 %3)</source>
            <translation>취소: %1 (%2 %3)</translation>
        </message>
        <message>
            <source>%1% off</source>
            <translation>%1% 할인</translation>
        </message>
        <message>
            <source>%1 off</source>
            <translation>%1 할인</translation>
        </message>
        <message>
            <source>The last payment got no answer: send it again as it was, or give it up first</source>
            <translation>지난 결제의 응답을 받지 못했습니다: 같은 결제를 다시 보내거나 먼저 그만두세요</translation>
        </message>
        <message>
            <source>Enter an amount</source>
            <translation>금액을 입력하세요</translation>
        </message>
        <message>
            <source>%1 by %2 recorded for table %3</source>
            <translation>%3번 테이블 %1 %2 결제 기록됨</translation>
        </message>
        <message>
            <source>No answer from the edge. Tap Pay again to send the same payment: it is never counted twice.</source>
            <translation>서버 응답이 없습니다. 다시 누르면 같은 결제를 보냅니다: 두 번 기록되지 않습니다.</translation>
        </message>
        <message>
            <source>Line voided</source>
            <translation>항목을 취소했습니다</translation>
        </message>
        <message>
            <source>Order voided</source>
            <translation>주문을 취소했습니다</translation>
        </message>
        <message>
            <source>Discount of %1 given</source>
            <translation>%1 할인했습니다</translation>
        </message>
        <message>
            <source>Table %1 moved to table %2</source>
            <translation>%1번 테이블을 %2번으로 옮겼습니다</translation>
        </message>
        <message>
            <source>Table %1 joined table %2</source>
            <translation>%1번 테이블을 %2번에 합쳤습니다</translation>
        </message>
        <message>
            <source>Table %1 is free again</source>
            <translation>%1번 테이블이 비었습니다</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>현금</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>카드</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>계좌이체</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>기타</translation>
        </message>
        <message>
            <source>No answer from the edge: nothing changed as far as this screen knows; try again</source>
            <translation>서버 응답이 없습니다: 이 화면이 아는 한 바뀐 것은 없습니다. 다시 시도하세요</translation>
        </message>
        <message>
            <source>More than what is due (%1)</source>
            <translation>남은 금액(%1)보다 많습니다</translation>
        </message>
        <message>
            <source>This table has no open visit</source>
            <translation>이 테이블에는 손님이 없습니다</translation>
        </message>
        <message>
            <source>Only a manager may do this</source>
            <translation>매니저만 할 수 있습니다</translation>
        </message>
        <message>
            <source>Refused: %1</source>
            <translation>거부됨: %1</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::CallBoard</name>
        <message>
            <source>No answer from the edge: tap again</source>
            <translation>서버 응답이 없습니다: 다시 누르세요</translation>
        </message>
        <message>
            <source>Water</source>
            <translation>물</translation>
        </message>
        <message>
            <source>Cutlery</source>
            <translation>수저·식기</translation>
        </message>
        <message>
            <source>The bill</source>
            <translation>계산</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>기타</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::DayClose</name>
        <message>
            <source>No answer from the edge</source>
            <translation>서버 응답이 없습니다</translation>
        </message>
        <message>
            <source>No answer from the edge: the day may or may not be closed; try again (closing twice changes nothing)</source>
            <translation>서버 응답이 없습니다: 마감되었는지 알 수 없습니다. 다시 시도하세요 (두 번 마감해도 바뀌는 것은 없습니다)</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s)</source>
            <translation>
                <numerusform>주문 %n건</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n visit(s)</source>
            <translation>
                <numerusform>테이블 %n팀</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n call(s)</source>
            <translation>
                <numerusform>%n건</numerusform>
            </translation>
        </message>
        <message>
            <source>Card</source>
            <translation>카드</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>현금</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>계좌이체</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>기타</translation>
        </message>
    </context>
    <context>
        <name>StaffOrderDialog</name>
        <message>
            <source>Order for table %1</source>
            <translation>%1번 테이블 주문 추가</translation>
        </message>
        <message>
            <source>Not available now</source>
            <translation>지금 주문 불가</translation>
        </message>
        <message>
            <source>Options required: order on the tablet</source>
            <translation>옵션 선택 필요 · 태블릿에서 주문</translation>
        </message>
        <message>
            <source>%1 items · %2</source>
            <translation>%1개 · %2</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>다시 보내기</translation>
        </message>
        <message>
            <source>Place order</source>
            <translation>주문하기</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::StaffOrder</name>
        <message>
            <source>No answer from the edge. Tap Order again to send the same order: it is never placed twice.</source>
            <translation>응답이 없습니다. 다시 보내기를 누르면 같은 주문을 보냅니다: 두 번 접수되지 않습니다.</translation>
        </message>
        <message>
            <source>Not served at this hour: %1</source>
            <translation>지금은 주문할 수 없는 시간입니다: %1</translation>
        </message>
        <message>
            <source>Sold out: %1</source>
            <translation>품절: %1</translation>
        </message>
        <message>
            <source>Only %1 left: %2</source>
            <translation>%2 남은 수량 %1개</translation>
        </message>
        <message>
            <source>An option is sold out</source>
            <translation>선택한 옵션이 품절입니다</translation>
        </message>
        <message>
            <source>The order is not valid: %1</source>
            <translation>주문 내용이 올바르지 않습니다: %1</translation>
        </message>
        <message>
            <source>This account may not order for a table</source>
            <translation>이 계정은 테이블 주문을 할 수 없습니다</translation>
        </message>
        <message>
            <source>This table no longer exists</source>
            <translation>없는 테이블입니다</translation>
        </message>
        <message>
            <source>Refused: %1</source>
            <translation>거절됨: %1</translation>
        </message>
    </context>
    <context>
        <name>ExpoPage</name>
        <message>
            <source>Kitchen</source>
            <translation>주방</translation>
        </message>
        <message>
            <source>Bar</source>
            <translation>바</translation>
        </message>
        <message>
            <source>Dessert</source>
            <translation>디저트</translation>
        </message>
        <message>
            <source>Ready: %1</source>
            <translation>준비 완료 %1</translation>
        </message>
        <message>
            <source>Cooking: %1</source>
            <translation>조리 중 %1</translation>
        </message>
        <message>
            <source>T%1</source>
            <translation>%1번</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1분</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>준비 완료</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>시작 전</translation>
        </message>
        <message>
            <source>Cooking</source>
            <translation>조리 중</translation>
        </message>
        <message>
            <source>Served ✓</source>
            <translation>서빙 완료 ✓</translation>
        </message>
        <message>
            <source>No open orders</source>
            <translation>진행 중인 주문 없음</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::BoardController</name>
        <message>
            <source>Order #%1 (table %2) was canceled</source>
            <translation>주문 #%1 (%2번 테이블)이 취소되었습니다</translation>
        </message>
        <message>
            <source>Order #%1 (%2)</source>
            <translation>주문 #%1 (%2)</translation>
        </message>
        <message>
            <source>The bump is still being sent; try again in a moment</source>
            <translation>완료 처리를 보내는 중입니다. 잠시 후 다시 시도하세요</translation>
        </message>
        <message>
            <source>Order #%1</source>
            <translation>주문 #%1</translation>
        </message>
        <message>
            <source>%1 could not be changed: %2</source>
            <translation>%1을(를) 바꾸지 못했습니다: %2</translation>
        </message>
        <message>
            <source>no connection</source>
            <translation>연결 없음</translation>
        </message>
        <message>
            <source>Order #%1 could not be changed: %2</source>
            <translation>주문 #%1을 바꾸지 못했습니다: %2</translation>
        </message>
        <message>
            <source>#%1 started</source>
            <translation>#%1 조리 시작</translation>
        </message>
        <message>
            <source>#%1 done</source>
            <translation>#%1 완료</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::ExpoController</name>
        <message>
            <source>Could not load the orders: %1</source>
            <translation>주문을 불러오지 못했습니다: %1</translation>
        </message>
        <message>
            <source>no connection</source>
            <translation>연결 없음</translation>
        </message>
        <message>
            <source>Order #%1 could not be marked served: %2</source>
            <translation>주문 #%1을 서빙 완료로 표시하지 못했습니다: %2</translation>
        </message>
    </context>
    <context>
        <name>KitchenTimesPage</name>
        <message>
            <source>Dishes</source>
            <translation>건수</translation>
        </message>
        <message>
            <source>Kitchen times today</source>
            <translation>오늘의 주방 시간</translation>
        </message>
        <message>
            <source>Whole day</source>
            <translation>하루 전체</translation>
        </message>
        <message>
            <source>By hour</source>
            <translation>시간대별</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>새로 고침</translation>
        </message>
        <message>
            <source>From the order to the dish done. p50: half were out within it; p90: nine in ten. Slowest first.</source>
            <translation>주문부터 메뉴 완료까지 걸린 시간입니다. p50은 절반이, p90은 열에 아홉이 그 안에 나왔다는 뜻입니다. 느린 메뉴부터 보여 줍니다.</translation>
        </message>
        <message>
            <source>Dish</source>
            <translation>메뉴</translation>
        </message>
        <message>
            <source>Hour</source>
            <translation>시간</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>스테이션</translation>
        </message>
        <message>
            <source>No dish done yet today.</source>
            <translation>오늘 완료된 메뉴가 아직 없습니다.</translation>
        </message>
        <message>
            <source>By station</source>
            <translation>스테이션별</translation>
        </message>
    </context>
    <context>
        <name>tableorder::kitchen::KitchenTimes</name>
        <message>
            <source>No answer from the edge</source>
            <translation>매장 서버 응답 없음</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1초</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1분</translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1분 %2초</translation>
        </message>
        <message>
            <source>%1:00</source>
            <translation>%1시</translation>
        </message>
    </context>
</TS>
