from .. import VERSION
from ..items import CATALOG as catalog
print("imp_shop.sub: parent version", VERSION)
