// Runs every hour over the hour that just ended, taken from the event's time so that a late or repeated run
// covers the same hour.
const HOUR_MS = 60 * 60 * 1000;

exports.handler = async (event) => {
  const to = new Date(Math.floor(Date.parse(event.time) / HOUR_MS) * HOUR_MS);
  const window = { from: new Date(to.getTime() - HOUR_MS).toISOString(), to: to.toISOString() };
  // Your job goes here (summarise the hour's orders, clean up what expired...).
  console.log(JSON.stringify({ level: 'INFO', message: 'hour processed', ...window }));
  return window;
};
