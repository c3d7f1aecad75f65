// SQS consumer: sends one notification per queued message (logged here; a mail service would go here).
module.exports.handler = async (event) => {
  for (const record of event.Records) {
    const { topic, message } = JSON.parse(record.body);
    console.log(`notify subscribers of ${topic}: ${message}`);
  }
  return { processed: event.Records.length };
};
