"""Contact and personal data: emails, phones, dates of birth, ages, places, vehicles and devices."""
import ids
import wrap
from fmt import grp

R = ids.R


def contact():
    out = []
    emails = ["jana.novakova@seznam.cz", "Lukas.Becker@Acme-Logistik.de", "p.alves+billing@gmail.com", "o_brown@outlook.co.uk", "kenji.sato@mail.rakuten.co.jp"]
    out += [
        ("EMAIL_ADDRESS", emails[0], wrap.record("email", emails[0], "camel"), "plain key email"),
        ("EMAIL_ADDRESS", emails[1], wrap.email("Please reply to %s instead." % emails[1]), "mixed case"),
        ("EMAIL_ADDRESS", emails[2], wrap.csv("e-mail", emails[2]), "plus-addressing, CSV"),
        ("EMAIL_ADDRESS", emails[3], "From: Olivia Brown <%s>" % emails[3], "mail header with angle brackets"),
        ("EMAIL_ADDRESS", emails[4], wrap.html("E-Mail", '<a href="mailto:%s">%s</a>' % (emails[4], emails[4])), "mailto link"),
    ]
    phones = [("+44 20 7946 0958", lambda v: wrap.record("phone", v, "camel")), ("+49 151 23456789", lambda v: "Mobil: %s" % v),
              ("(415) 555-2671", lambda v: wrap.email("Call me back at %s after 5pm." % v)), ("+33 1 42 68 53 00", lambda v: "Tél. : %s" % v),
              ("+1-312-739-4412", lambda v: wrap.csv("phone_number", v)), ("+81 3-1234-5678", lambda v: wrap.record("tel", v, "snake")),
              ("0151 2345 6789", lambda v: "Telefonnummer: %s" % v), ("+61 412 345 678", lambda v: wrap.log("mobile", v.replace(" ", "")))]
    for v, make in phones:
        text = make(v)
        shown = v if v in text else v.replace(" ", "")
        out.append(("PHONE_NUMBER", shown, text, "phone %s" % ("with country code" if v.startswith("+") else "in national format")))
    dob = [("03/14/1985", lambda v: "DOB: %s" % v, "US DOB"), ("1985-03-14", lambda v: wrap.record("date of birth", v, "snake"), "ISO under date_of_birth"),
           ("14.03.1985", lambda v: "Geburtsdatum: %s" % v, "German label, dotted"), ("14 March 1985", lambda v: wrap.email("I was born on %s in Leeds." % v), "written date in prose"),
           ("14/03/1985", lambda v: "Date de naissance : %s" % v, "French label"), ("1990-07-01", lambda v: wrap.record("birth date", v, "camel"), "camelCase birthDate")]
    out += [("DATE_OF_BIRTH", v, make(v), note) for v, make, note in dob]
    out += [
        ("AGE_OVER_89", "93", "Patient: female, age: 93, admitted with pneumonia", "age label"),
        ("AGE_OVER_89", "91", wrap.email("My grandmother is 91 years old and needs a carer."), "years old in prose"),
        ("AGE_OVER_89", "96", wrap.record("patient age", "96", "snake"), "JSON patient_age"),
    ]
    geo = ["52.520008, 13.404954", "48.8583701", "-33.868820, 151.209295", "40.7127753,-74.0059728"]
    out += [
        ("GEO_COORDINATES", geo[0], "Last known location: %s" % geo[0], "lat, lon pair"),
        ("GEO_COORDINATES", geo[1], '{"lat": 48.8583701, "lng": 2.2944813, "accuracy_m": 12}', "separate JSON lat/lng"),
        ("GEO_COORDINATES", geo[2], wrap.record("coordinates", geo[2], "camel"), "southern hemisphere, negative"),
        ("GEO_COORDINATES", geo[3], "gps=%s" % geo[3], "no space after comma"),
    ]
    return out


def places_devices():
    out = []
    vins = [ids.vin() for _ in range(3)] + ["1HGCM82633A004352"]
    out += [
        ("VEHICLE_VIN", vins[0], wrap.record("VIN", vins[0], "camel"), "key vin"),
        ("VEHICLE_VIN", vins[1], "Fahrzeug-Identifizierungsnummer: %s" % vins[1], "German label"),
        ("VEHICLE_VIN", vins[2].lower(), wrap.email("vin %s" % vins[2].lower()), "lower case"),
        ("VEHICLE_VIN", vins[3], wrap.csv("vehicle_id", vins[3]), "well-known published example VIN; valid check digit, so reported"),
    ]
    imeis = [ids.imei() for _ in range(3)]
    out += [
        ("IMEI", imeis[0], wrap.record("IMEI", imeis[0], "camel"), "key imei"),
        ("IMEI", grp(imeis[1], [2, 6, 6, 1], "-"), "IMEI: %s" % grp(imeis[1], [2, 6, 6, 1], "-"), "printed 2-6-6-1"),
        ("IMEI", imeis[2], wrap.log("device_imei", imeis[2]), "log line"),
    ]
    out += [
        ("US_ZIP", "94103", "Shipping to San Francisco, CA 94103", "city, state, ZIP"),
        ("US_ZIP", "10001-1234", wrap.record("zip code", "10001-1234", "camel"), "ZIP+4"),
        ("US_ZIP", "60614", wrap.csv("zip", "60614"), "CSV"),
    ]
    out += [
        ("UK_POSTCODE", "SW1A 1AA", "10 Downing Street, London SW1A 1AA", "address line"),
        ("UK_POSTCODE", "M1 1AE", wrap.record("postcode", "M1 1AE", "camel"), "short outward code"),
        ("UK_POSTCODE", "ec1a 1bb", wrap.email("postcode is ec1a 1bb"), "lower case"),
        ("UK_POSTCODE", "DN551PT", wrap.csv("post_code", "DN551PT"), "without space"),
    ]
    out += [
        ("CA_POSTAL_CODE", "K1A 0B1", "Ottawa, ON K1A 0B1", "address line"),
        ("CA_POSTAL_CODE", "M5V3L9", wrap.record("postal code", "M5V3L9", "camel"), "no space"),
        ("CA_POSTAL_CODE", "h3z 2y7", wrap.email("code postal : h3z 2y7"), "French label, lower case"),
    ]
    return out


def network():
    out = []
    out += [
        ("URL", "https://portal.acme-corp.com/reset?email=jana.novakova%40seznam.cz&token=8f2a", wrap.email("Reset link: https://portal.acme-corp.com/reset?email=jana.novakova%40seznam.cz&token=8f2a"), "query string carrying personal data"),
        ("URL", "http://files.intranet-share.net/export/customers.csv", wrap.record("download url", "http://files.intranet-share.net/export/customers.csv", "camel"), "plain http export link"),
        ("URL", "https://docs.google.com/spreadsheets/d/1aBcD3fGh/edit#gid=0", "See the sheet at https://docs.google.com/spreadsheets/d/1aBcD3fGh/edit#gid=0 for the list", "link in prose"),
    ]
    out += [
        ("IPV4_ADDRESS", "81.2.69.160", wrap.log("client_ip", "81.2.69.160"), "public address in a log"),
        ("IPV4_ADDRESS", "10.24.3.17", wrap.record("host", "10.24.3.17", "camel"), "private address"),
        ("IPV4_ADDRESS", "185.199.108.153", "X-Forwarded-For: 185.199.108.153, 10.0.0.2", "forwarded header"),
        ("IPV4_ADDRESS", "192.168.1.254", "ssh admin@192.168.1.254 -p 2222", "after user@ in a command"),
    ]
    out += [
        ("IPV6_ADDRESS", "2a00:1450:4001:82b::200e", wrap.log("remote_addr", "2a00:1450:4001:82b::200e"), "compressed public v6"),
        ("IPV6_ADDRESS", "fe80::1ff:fe23:4567:890a%eth0", "inet6 fe80::1ff:fe23:4567:890a%eth0 prefixlen 64", "link-local with zone id"),
        ("IPV6_ADDRESS", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", wrap.record("ipv6", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "camel"), "full form"),
        ("IPV6_ADDRESS", "::ffff:192.0.2.128", "peer=::ffff:192.0.2.128 port=443", "IPv4-mapped"),
    ]
    out += [
        ("MAC_ADDRESS", "00:1A:2B:3C:4D:5E", wrap.record("mac address", "00:1A:2B:3C:4D:5E", "camel"), "colon form"),
        ("MAC_ADDRESS", "00-1a-2b-3c-4d-5f", "Physical Address. . . : 00-1a-2b-3c-4d-5f", "Windows dash form, lower case"),
        ("MAC_ADDRESS", "001a.2b3c.4d60", "Cisco: 001a.2b3c.4d60 Gi0/1 DYNAMIC", "Cisco dotted form"),
        ("MAC_ADDRESS", "ac:de:48:00:11:22", "ether ac:de:48:00:11:22 txqueuelen 1000", "first octet all letters (ifconfig)"),
    ]
    out += [
        ("INTERNAL_HOSTNAME", "db-primary.corp", "Connection refused: db-primary.corp:5432", ".corp suffix"),
        ("INTERNAL_HOSTNAME", "build01.internal", wrap.record("host", "build01.internal", "camel"), ".internal suffix"),
        ("INTERNAL_HOSTNAME", "payments.default.svc.cluster.local", "upstream=payments.default.svc.cluster.local:8080", "Kubernetes cluster DNS"),
        ("INTERNAL_HOSTNAME", "jenkins.acme.local", "See http://jenkins.acme.local/job/deploy for the log", ".local in a link"),
    ]
    return out
