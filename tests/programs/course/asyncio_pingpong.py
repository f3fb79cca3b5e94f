# Course exercise: two coroutines play ping-pong through queues.
# Each player waits for the ball, prints its stroke and sends the ball
# back; a rally ends when the ball has no strokes left, and the referee
# (a third coroutine) serves the next rally and keeps the score.
import asyncio

class Player:
    def __init__(self, name, sound, indent):
        self.name = name
        self.sound = sound
        self.indent = indent
        self.inbox = asyncio.Queue()
        self.opponent = None
        self.hits = 0

    async def play(self, referee):
        while True:
            ball = await self.inbox.get()
            if ball is None:
                print(f"{self.name} leaves the table after {self.hits} hits")
                return self.hits
            if ball["strokes"] == 0:
                # Too far: the point goes to the other player.
                await referee.put(self.opponent.name)
                continue
            self.hits += 1
            ball["strokes"] -= 1
            print(f"{' ' * self.indent}{self.sound} ({self.name}, rally {ball['rally']})")
            await asyncio.sleep(0)
            await self.opponent.inbox.put(ball)


async def referee(players, rallies_to_play):
    score = {p.name: 0 for p in players}
    results = asyncio.Queue()
    tasks = [asyncio.create_task(p.play(results)) for p in players]
    for rally in range(1, rallies_to_play + 1):
        server = players[(rally - 1) % 2]
        await server.inbox.put({"rally": rally, "strokes": 1 + rally})
        winner = await results.get()
        score[winner] += 1
        print(f"-- rally {rally} to {winner}: {score}")
    for p in players:
        await p.inbox.put(None)
    hits = await asyncio.gather(*tasks)
    return score, hits


async def main():
    alice = Player("Alice", "ping", 0)
    bob = Player("Bob", "pong", 8)
    alice.opponent, bob.opponent = bob, alice
    score, hits = await referee([alice, bob], 3)
    print("final score", score, "hits", hits)
    best = max(score, key=score.get)
    print(f"{best} wins")


asyncio.run(main())
