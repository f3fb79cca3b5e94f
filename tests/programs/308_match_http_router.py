# match as a router: HTTP-like requests split into method and path segments, with captures and guards
def route(request):
    method, _, path = request.partition(" ")
    match method, path.strip("/").split("/"):
        case "GET", [""]:
            return "home page"
        case "GET", ["users"]:
            return "list users"
        case "GET", ["users", user_id] if user_id.isdigit():
            return f"show user {int(user_id)}"
        case "GET", ["users", name]:
            return f"search users named {name!r}"
        case ("POST" | "PUT") as verb, ["users", *rest]:
            return f"{verb.lower()} user data {rest}"
        case "DELETE", ["users", user_id]:
            return f"delete user {user_id}"
        case _, ["static", *parts] if parts:
            return "file " + "/".join(parts)
        case method, _:
            return f"405/404 for {method} {path}"

for req in ["GET /", "GET /users", "GET /users/42", "GET /users/ann", "POST /users", "PUT /users/7/name",
            "DELETE /users/3", "GET /static/css/site.css", "PATCH /users/1", "GET /static"]:
    print(f"{req:<26} -> {route(req)}")
