// The Function App on the Flex Consumption plan (.NET 10 isolated worker), running as the
// user-assigned identity: storage, Key Vault references and telemetry all authenticate with it.
// Every key of contract §1 is an app setting here (`__` for `:`). Staff sign in through App Service
// Authentication with Microsoft Entra ID (contract §9); anonymous requests still reach the app, which
// decides per route.

import { forceContacts, workflowSettings } from 'types.bicep'

@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('azd service name the app is tagged with (azure.yaml).')
param serviceName string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Storage account of the host, the task hub and the case tables.')
param storageAccountName string

@description('Blob endpoint of that account.')
param storageBlobEndpoint string

@description('Table endpoint of that account, without a trailing slash.')
param storageTableEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (not a secret: ingestion requires Entra ID when local auth is off).')
param applicationInsightsConnectionString string

@description('Key Vault URI (https://<name>.vault.azure.net/).')
param keyVaultUri string

@description('Secret name of the SendGrid API key.')
param sendGridApiKeySecretName string

@description('Secret name of the person-index HMAC key.')
param tablesIndexKeySecretName string

@description('Secret name of the key machines read cases and the figures with.')
param apiFunctionKeySecretName string

@description('Secret name of the timeline-chain HMAC key.')
param timelineKeySecretName string

@description('Name of the key-encryption key of the personal data at rest (contract §12).')
param dataProtectionKeyName string

@description('Absolute base of every link put in an email; empty for the app\'s own https://<name>.azurewebsites.net.')
param publicBaseUrl string

@description('Email:From, a sender verified in SendGrid.')
param emailFrom string

@description('Email:OutboxPath, used only if Email:Mode is switched to Outbox (a writable path).')
param emailOutboxPath string

@description('SendGrid:Host.')
param sendGridHost string

@description('Devon and Cornwall Police mailboxes.')
param devonAndCornwall forceContacts

@description('Dorset Police mailboxes.')
param dorset forceContacts

@description('Workflow timings and policy settings.')
param workflow workflowSettings

@description('Instance memory of the Flex Consumption plan, MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound on instances (cost guard).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Always-ready instances for HTTP (0 = scale to zero; 1 removes cold starts for the school form at a monthly cost).')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int

@description('Application (client) id of the staff sign-in app registration; empty switches App Service Authentication off.')
param authClientId string

@description('Tenant of that app registration; empty for the tenant of this deployment.')
param authTenantId string

// Without an app registration there is nothing to sign in with: the platform is switched off rather
// than left configured with an empty client id, the platform then sets no WEBSITE_AUTH_ENABLED, and
// the app trusts no X-MS-CLIENT-PRINCIPAL header, so every staff route refuses (docs/deploy.md).
var authEnabled = !empty(authClientId)
var authTenant = empty(authTenantId) ? tenant().tenantId : authTenantId

// Easy Auth proves the app registration's identity to Entra ID with the user-assigned identity (a
// federated identity credential on the registration) instead of a client secret: nothing to store,
// rotate or leak. The app setting of that name holds the identity's client id.
var authClientAssertionSettingName = 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references resolve with the user-assigned identity, not a system identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      remoteDebuggingEnabled: false
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // Durable Functions on Flex Consumption: Microsoft recommends one always-ready instance for
        // the `durable` group (orchestrations, activities and entities), so a waiting case's timers
        // and events are picked up without a cold start, with host.json's maxQueuePollingInterval
        // at 10 s or less.
        alwaysReady: concat(
          [
            {
              name: 'durable'
              instanceCount: 1
            }
          ],
          alwaysReadyHttpInstances > 0
            ? [
                {
                  name: 'http'
                  instanceCount: alwaysReadyHttpInstances
                }
              ]
            : []
        )
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployment goes through azd/OneDeploy with Microsoft Entra ID; no FTP or basic-auth publishing.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Host storage (leases, timers, the Durable Task hub) through the managed identity.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // DefaultAzureCredential/ManagedIdentityCredential in the worker pick this identity.
    AZURE_CLIENT_ID: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

    // Contract §1.
    PublicBaseUrl: empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl
    // A table endpoint URI, not a connection string: the store connects with the managed identity.
    Tables__ConnectionString: storageTableEndpoint
    Tables__IndexKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${tablesIndexKeySecretName}/)'
    // Contract §12: the key-encryption key, versionless (wraps with the newest version). The app
    // reaches the vault on first use only, so it starts without it.
    DataProtection__KeyUri: '${keyVaultUri}keys/${dataProtectionKeyName}'
    DataProtection__TimelineKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${timelineKeySecretName}/)'
    Email__Mode: 'SendGrid'
    Email__OutboxPath: emailOutboxPath
    Email__From: emailFrom
    SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${sendGridApiKeySecretName}/)'
    SendGrid__Host: sendGridHost
    // Contract §3, §8: case reads and the figures admit staff too, so the app checks the key itself.
    Api__FunctionKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${apiFunctionKeySecretName}/)'

    Forces__DevonAndCornwall__AuthorisingManagerEmail: devonAndCornwall.authorisingManagerEmail
    Forces__DevonAndCornwall__EscalationEmail: devonAndCornwall.escalationEmail
    Forces__DevonAndCornwall__SafeguardingExpertEmail: devonAndCornwall.safeguardingExpertEmail
    Forces__DevonAndCornwall__YouthTeamEmail: devonAndCornwall.youthTeamEmail
    Forces__DevonAndCornwall__InvestigationEmail: devonAndCornwall.investigationEmail
    Forces__Dorset__AuthorisingManagerEmail: dorset.authorisingManagerEmail
    Forces__Dorset__EscalationEmail: dorset.escalationEmail
    Forces__Dorset__SafeguardingExpertEmail: dorset.safeguardingExpertEmail
    Forces__Dorset__YouthTeamEmail: dorset.youthTeamEmail
    Forces__Dorset__InvestigationEmail: dorset.investigationEmail

    Approval__ReminderAfter: workflow.approvalReminderAfter
    Approval__EscalateAfter: workflow.approvalEscalateAfter
    Approval__LinkLifetime: workflow.approvalLinkLifetime
    Education__DueAfter: workflow.educationDueAfter
    Reminders__Schedule: workflow.remindersSchedule
    Policy__NextReviewDate: workflow.policyNextReviewDate
    Policy__OwnerEmail: workflow.policyOwnerEmail
    Assessment__SignificantAgeGapYears: string(workflow.significantAgeGapYears)
    Intake__PermitsPerMinute: string(workflow.intakePermitsPerMinute)
    Intake__TrustedReporterDomains: workflow.trustedReporterDomains
    Reporter__ConfirmWithin: workflow.reporterConfirmWithin
    // Contract §12; the retention timer's %Retention:Schedule% must resolve or the host cannot index it.
    Retention__ClosedCaseAfter: workflow.retentionClosedCaseAfter
    Retention__UnconfirmedAfter: workflow.retentionUnconfirmedAfter
    Retention__Schedule: workflow.retentionSchedule
    // Contract §1 and §9: the signed-in person comes from App Service Authentication's
    // X-MS-CLIENT-PRINCIPAL, trusted only while the platform says authentication is on.
    Auth__Mode: 'AppService'

    // Client assertion of the sign-in app registration (authSettings' clientSecretSettingName): the
    // identity's client id, not the registration's, and not a secret.
    OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identityClientId
  }
}

// App Service Authentication ("Easy Auth", V2 configuration) with Microsoft Entra ID, contract §9.
resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: authEnabled
      runtimeVersion: '~1'
    }
    globalValidation: {
      // The school form, intake, reporter confirmation and function-key reads stay anonymous to the
      // platform; the app answers 401/302/403 per staff route. The platform still removes any
      // client-sent X-MS-CLIENT-PRINCIPAL* header and adds its own for a signed-in person.
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      // `/.auth/login/aad` is the sign-in path (the default provider of `/.auth/login`).
      redirectToProvider: 'azureactivedirectory'
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: authEnabled
        registration: {
          clientId: authClientId
          // Single tenant: only the force's own directory signs in.
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenant}/v2.0'
          clientSecretSettingName: authClientAssertionSettingName
        }
      }
    }
    login: {
      // No token store: the app needs the signed-in person, not provider tokens (it calls no API as
      // the user). The store would keep tokens on the instance's file system, which Flex Consumption
      // does not share between instances, and its blob option needs a SAS, which this storage
      // account refuses (shared keys off). The session lives in the encrypted platform cookie.
      tokenStore: {
        enabled: false
      }
      // A working shift; after it, sign in again.
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
      nonce: {
        validateNonce: true
      }
      preserveUrlFragmentsForLogins: false
      // post_login_redirect_uri may only be a path of this site.
      allowedExternalRedirectUrls: []
    }
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
