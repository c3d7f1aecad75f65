import type { EventContext } from './context';

/** Cognito's `triggerSource` for the most common path through each SAM `Cognito` trigger. */
const TRIGGER_SOURCES: Record<string, string> = {
  PreSignUp: 'PreSignUp_SignUp',
  PostConfirmation: 'PostConfirmation_ConfirmSignUp',
  PreAuthentication: 'PreAuthentication_Authentication',
  PostAuthentication: 'PostAuthentication_Authentication',
  PreTokenGeneration: 'TokenGeneration_Authentication',
  CustomMessage: 'CustomMessage_SignUp',
  DefineAuthChallenge: 'DefineAuthChallenge_Authentication',
  CreateAuthChallenge: 'CreateAuthChallenge_Authentication',
  VerifyAuthChallengeResponse: 'VerifyAuthChallengeResponse_Authentication',
  UserMigration: 'UserMigration_Authentication',
  CustomEmailSender: 'CustomEmailSender_SignUp',
  CustomSMSSender: 'CustomSMSSender_SignUp',
};

/** What each trigger expects back in `response`, empty, so the handler fills it as Cognito expects. */
const RESPONSES: Record<string, unknown> = {
  PreSignUp: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  PreTokenGeneration: { claimsOverrideDetails: null },
  CustomMessage: { smsMessage: null, emailMessage: null, emailSubject: null },
  DefineAuthChallenge: { challengeName: null, issueTokens: false, failAuthentication: false },
  CreateAuthChallenge: { publicChallengeParameters: {}, privateChallengeParameters: {}, challengeMetadata: null },
  VerifyAuthChallengeResponse: { answerCorrect: false },
};

/** SAM `Cognito`: a user pool trigger event for the first declared trigger. */
export function cognitoEvent(ctx: EventContext): unknown {
  const trigger = ctx.list('Trigger')[0] ?? 'PreSignUp';
  const poolId = ctx.text('UserPool') ?? `${ctx.region}_EXAMPLE`;
  const userAttributes = { sub: ctx.id(), email: 'user@example.com', email_verified: 'true' };
  return {
    version: '1',
    region: ctx.region,
    userPoolId: poolId,
    userName: 'example-user',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'exampleclientid1234567890' },
    triggerSource: TRIGGER_SOURCES[trigger] ?? `${trigger}_Example`,
    request: {
      userAttributes,
      ...(trigger === 'CustomMessage' ? { codeParameter: '{####}', usernameParameter: null } : {}),
      ...(trigger.endsWith('AuthChallenge') || trigger === 'VerifyAuthChallengeResponse' ? { session: [] } : {}),
    },
    response: RESPONSES[trigger] ?? {},
  };
}

/** SAM `IoTRule`: the message the rule's SQL selects; an example device reading. */
export function iotRuleEvent(ctx: EventContext): unknown {
  const sql = ctx.text('Sql') ?? '';
  const topic = /FROM\s+'([^']+)'/i.exec(sql)?.[1] ?? 'example/topic';
  return { topic, deviceId: 'example-device', temperature: 21.5, timestamp: ctx.now.getTime() };
}

/** SAM `AlexaSkill`: a LaunchRequest, the first request a skill receives. */
export function alexaSkillEvent(ctx: EventContext): unknown {
  const skillId = ctx.text('SkillId') ?? 'amzn1.ask.skill.example';
  const application = { applicationId: skillId };
  const user = { userId: 'amzn1.ask.account.example' };
  return {
    session: { new: true, sessionId: `SessionId.${ctx.id()}`, application, attributes: {}, user },
    context: {
      AudioPlayer: { playerActivity: 'IDLE' },
      System: { application, user, device: { supportedInterfaces: { AudioPlayer: {} } } },
    },
    request: {
      type: 'LaunchRequest',
      requestId: `EdwRequestId.${ctx.id()}`,
      locale: 'en-US',
      timestamp: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
    version: '1.0',
  };
}

/** Serverless `websocket`: a message on the declared route key. */
export function webSocketEvent(ctx: EventContext): unknown {
  const routeKey = ctx.text('Route') ?? '$default';
  return {
    requestContext: {
      routeKey,
      eventType: routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE',
      messageId: 'example-message-id',
      connectionId: 'example-connection-id=',
      domainName: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
      stage: 'dev',
      requestId: ctx.id(),
      apiId: 'abcdef1234',
      requestTimeEpoch: ctx.now.getTime(),
    },
    body:
      routeKey.startsWith('$') && routeKey !== '$default'
        ? undefined
        : JSON.stringify({ action: routeKey, message: 'hello' }),
    isBase64Encoded: false,
  };
}
