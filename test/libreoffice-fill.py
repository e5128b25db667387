# Fills in the French review form that `init --xlsx --lang fr` writes, in LibreOffice Calc (through
# its UNO API), and saves it as .xlsx: what a reviewer using LibreOffice does. Used by
# test/e2e/xlsx.test.ts when LibreOffice and python3-uno are installed.
# Usage: /usr/bin/python3 test/libreoffice-fill.py FORM.xlsx FILLED.xlsx
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_calc():
    """A headless LibreOffice of its own (own profile, own pipe), and its component context."""
    name = f"ips-fidelity-{os.getpid()}"
    profile = tempfile.mkdtemp(prefix="ips-fidelity-lo-")
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={name};urp;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            return office, profile, resolver.resolve(f"uno:pipe,name={name};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    office.kill()
    shutil.rmtree(profile, ignore_errors=True)
    sys.exit("LibreOffice did not start")


src, dst = sys.argv[1], sys.argv[2]
office, profile, ctx = start_calc()
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
try:
    sheet = doc.Sheets.getByIndex(0)
    sheet.getCellRangeByName("B1").setString("Les Jardins")
    # A date as Calc stores it: days since 1899-12-30, in the cell's own date format.
    sheet.getCellRangeByName("B4").setValue((datetime.date(2026, 3, 12) - datetime.date(1899, 12, 30)).days)
    sheet.getCellRangeByName("B5").setString("auto-évaluation")
    header = {sheet.getCellByPosition(c, 8).getString(): c for c in range(40)}
    rows = {}
    for r in range(9, 400):
        code = sheet.getCellByPosition(0, r).getString()
        if code and code not in rows:
            rows[code] = r
    sheet.getCellByPosition(header["Valeur"], rows["S1"]).setValue(18.5)
    for e in "abcdef":
        sheet.getCellByPosition(header[e], rows["S3"]).setString("x")
    sheet.getCellByPosition(header["Cote"], rows["O3"]).setValue(2)
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),))
finally:
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=60)
    shutil.rmtree(profile, ignore_errors=True)
