# Writes the sample emails of Tests/Data/formats (kept in the repository; run again only to change them).
import base64, quopri

plain = """Здравствуйте, Анна!

Простите, пожалуйста: мы отправили вам не тот размер, и это наша ошибка.
Вам следовало получить правильную пару ещё в пятницу. Завтра до 12:00 курьер
привезёт замену и заберёт эту пару.
Напишите мне, если что-то пойдёт не так.

-- 
Ирина Петрова
Служба поддержки, SLA 24/7

03.03.2025 10:15, Анна Смирнова пишет:
> Вы прислали не тот размер! Вам следовало проверить заказ.
> Когда вы всё исправите?
"""
html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>
<p>Здравствуйте, Анна!</p>
<p>Простите, пожалуйста: мы отправили вам не тот размер, и это наша ошибка.
Вам следовало получить правильную пару ещё в пятницу. Завтра до 12:00 курьер
привезёт замену и заберёт эту пару.<br>Напишите мне, если что-то пойдёт не так.</p>
<div>-- <br>Ирина Петрова<br>Служба поддержки, SLA 24/7</div>
<div>03.03.2025 10:15, Анна Смирнова пишет:</div>
<blockquote>Вы прислали не тот размер! Вам следовало проверить заказ.<br>Когда вы всё исправите?</blockquote>
</body></html>
"""
crlf = lambda text: text.replace("\n", "\r\n")
html_b64 = base64.encodebytes(crlf(html).encode("cp1251")).decode("ascii").replace("\n", "\r\n")
message = (crlf("""From: =?windows-1251?B?yPDo7eAg0+Xy8O7i4A==?= <support@example.com>
To: =?windows-1251?B?wO3t4A==?= <anna@example.com>
Subject: =?windows-1251?B?UmU6IO3lIPLu8iDw4Ofs5fA=?=
Date: Mon, 03 Mar 2025 12:40:00 +0300
Message-ID: <reply-4512@example.com>
In-Reply-To: <complaint-4512@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative;
\tboundary="----=_Part_4512_1.1741000000000"

This is a multi-part message in MIME format.

------=_Part_4512_1.1741000000000
Content-Type: text/plain; charset="Windows-1251"
Content-Transfer-Encoding: 8bit

""").encode("ascii") + crlf(plain).encode("cp1251") + crlf("""
------=_Part_4512_1.1741000000000
Content-Type: text/html; charset=windows-1251
Content-Transfer-Encoding: base64

""").encode("ascii") + html_b64.encode("ascii") + crlf("""
------=_Part_4512_1.1741000000000--
""").encode("ascii"))
open("cp1251-alternative.eml", "wb").write(message)

# The same message without its text/plain part: the HTML part is read instead.
start = message.index(b"------=_Part_4512_1.1741000000000\r\nContent-Type: text/plain")
end = message.index(b"------=_Part_4512_1.1741000000000\r\nContent-Type: text/html")
open("cp1251-html-only.eml", "wb").write(message[:start] + message[end:])

latvian = """Labdien, Anna!

Atvainojiet, lūdzu, par kavēšanos – tā ir mūsu kļūda. Jums vajadzēja saņemt pasūtījumu vakar, tāpēc rīt līdz plkst. 12:00 kurjers to atvedīs bez maksas.
Ja kaut kas nav kārtībā, rakstiet man.

Ar cieņu
Ilze Bērziņa

-----Sākotnējais ziņojums-----
No: Anna Kalniņa <anna@example.lv>
Nosūtīts: pirmdiena, 2025. gada 3. martā 10:15
Tēma: Kavēta piegāde

Jūs solījāt piegādi piektdien! Jums vajadzēja piezvanīt.
"""
qp = quopri.encodestring(crlf(latvian).encode("utf-8")).decode("ascii")
open("latvian-qp.eml", "wb").write(crlf("""From: Ilze =?utf-8?q?B=C4=93rzi=C5=86a?= <atbalsts@example.lv>
To: Anna <anna@example.lv>
Subject: =?utf-8?q?Re=3A_Kav=C4=93ta_pieg=C4=81de?=
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: quoted-printable

""").encode("ascii") + qp.encode("ascii"))
