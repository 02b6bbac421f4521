#!/usr/bin/env python3
# For scripts/measure-storefront.sh: makes the sessions its pages need on a freshly seeded app and prints them as
# shell assignments: a buyer with a cart and one placed order, and the demo manager of HTX Vi Hương signed in
# (its password is read from the app's log, where the app prints it once).
# Usage: budget-sessions.py http://127.0.0.1:5099 app.log
import http.cookiejar, re, sys, urllib.parse, urllib.request

base, log = sys.argv[1], sys.argv[2]

def session():
    jar = http.cookiejar.CookieJar()
    return jar, urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def get(opener, path):
    with opener.open(base + path) as r:
        return r.read().decode(), r.geturl()

def post(opener, path, fields):
    data = urllib.parse.urlencode(fields).encode()
    with opener.open(urllib.request.Request(base + path, data=data)) as r:
        return r.read().decode(), r.geturl()

def token(html):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)

def cookies(jar):
    return "; ".join(f"{c.name}={c.value}" for c in jar)

# A buyer: one product in the cart, then one order placed cash on delivery (its tracking page), then one more in the cart.
jar, buyer = session()
page, _ = get(buyer, "/products/mien-dong-vi-huong")
product = re.search(r'name="productId" value="([^"]+)"', page).group(1)
post(buyer, "/cart?handler=Add", {"__RequestVerificationToken": token(page), "productId": product, "quantity": "2"})
checkout, _ = get(buyer, "/checkout")
checkout_id = re.search(r'name="Form.CheckoutId" value="([^"]+)"', checkout).group(1)
confirmation, _ = post(buyer, "/checkout", {
    "__RequestVerificationToken": token(checkout), "Form.CheckoutId": checkout_id, "Form.Name": "Nguyễn Thị Lan",
    "Form.Phone": "0912 345 678", "Form.ProvinceCode": "HN", "Form.Commune": "Phường Ba Đình", "Form.Street": "12 Phan Đình Phùng",
    "payment": "cod"})
tracking = re.search(r'href="(/orders/[^"?]+)"', confirmation).group(1)
page, _ = get(buyer, "/products/mien-dong-vi-huong")
post(buyer, "/cart?handler=Add", {"__RequestVerificationToken": token(page), "productId": product, "quantity": "1"})

# The demo manager of Vi Hương, whose password the app printed once.
line = next(l for l in open(log, encoding="utf-8") if "DEMO ACCOUNT" in l and ": manager of" in l)
name, password = re.search(r"as (.+?) with password (\S+)\.", line).groups()
mjar, manager = session()
login, _ = get(manager, "/account/login")
post(manager, "/account/login", {"__RequestVerificationToken": token(login), "SignInName": name, "Password": password})
orders, _ = get(manager, "/portal/htx-nong-nghiep-vi-huong/orders")
order = re.search(r'href="(/portal/htx-nong-nghiep-vi-huong/orders/[A-Z0-9]+)"', orders).group(1)

print(f"buyer_cookie='{cookies(jar)}'")
print(f"manager_cookie='{cookies(mjar)}'")
print(f"tracking='{tracking}'")
print(f"order='{order}'")
